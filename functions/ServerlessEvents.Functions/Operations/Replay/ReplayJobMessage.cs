using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// One message of the <c>replay-jobs</c> queue: a chunk of a replay. <see cref="Seq"/> numbers the chunks of a
/// phase (count, then replay); <see cref="Cursor"/> is where the chunk starts (a history row key, or an index into
/// the replay's id list); <see cref="Done"/> is how many events the earlier chunks of the phase covered.
/// </summary>
public sealed record ReplayJobMessage(
    [property: JsonPropertyName("replayId")] string ReplayId,
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("seq")] int Seq,
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("done")] long Done)
{
    /// <summary>The counting phase (only when the request could not count the selection itself).</summary>
    public const string CountPhase = "count";

    /// <summary>The re-publishing phase.</summary>
    public const string ReplayPhase = "replay";
}
