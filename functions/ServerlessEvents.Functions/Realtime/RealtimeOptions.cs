using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>SignalR broadcast (section <c>Realtime</c>). See docs/realtime.md.</summary>
public sealed class RealtimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Realtime";

    /// <summary>
    /// Largest message argument, in UTF-8 bytes, sent with its data. A bigger event is sent without <c>data</c> and with
    /// <c>"dataOmitted": true</c> (clients fetch it from <c>GET /api/events/{id}</c>). Default 32768.
    /// </summary>
    [Range(1_024, 1_000_000)]
    public int MaxMessageBytes { get; set; } = 32_768;
}
