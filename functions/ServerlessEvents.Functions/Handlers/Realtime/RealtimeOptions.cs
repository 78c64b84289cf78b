using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>Real-time delivery over Azure SignalR Service's REST API (section <c>Realtime</c>). See docs/realtime.md.</summary>
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

    /// <summary>The SignalR hub (a letter, then letters, digits or '_'). Default <c>events</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    public string Hub { get; set; } = RealtimeAddresses.Hub;

    /// <summary>The data-plane REST <c>api-version</c>. Default <c>2024-01-01</c>.</summary>
    [Required]
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    public string ApiVersion { get; set; } = SignalRServiceClientOptions.DefaultApiVersion;

    /// <summary>How long a client token from negotiate is valid, in minutes (connected clients stay connected). Default 60.</summary>
    [Range(1, 1_440)]
    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    /// <summary>How long one REST call to SignalR Service may take, in seconds. Default 5.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>Retries of a REST call that failed transiently (408, 429, 5xx, network). Default 2.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;
}
