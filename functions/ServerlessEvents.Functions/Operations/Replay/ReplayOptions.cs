using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Replay;

/// <summary>Replays (section <c>Replay</c>). See docs/replay.md.</summary>
public sealed class ReplayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Replay";

    /// <summary>Events re-published by one <c>replayChunk</c> invocation. Default 200.</summary>
    [Range(1, 1_000)]
    public int ChunkSize { get; set; } = 200;

    /// <summary>How many matching events the POST request counts itself before handing the count to the job. Default 10,000.</summary>
    [Range(0, 100_000)]
    public int CountInRequestLimit { get; set; } = 10_000;

    /// <summary>Events one counting chunk of the job counts. Default 20,000.</summary>
    [Range(1_000, 1_000_000)]
    public int CountPerChunk { get; set; } = 20_000;

    /// <summary>The most ids one replay request may name. Default 1,000.</summary>
    [Range(1, 5_000)]
    public int MaxIds { get; set; } = 1_000;

    /// <summary>
    /// How long a chunk stays claimed by the queue message that is applying it, in seconds. Another copy of the chunk
    /// (an at-least-once duplicate, possibly running at the same time) is dropped while the claim holds; after it,
    /// the claim is taken over, so a worker that died mid-chunk delays the replay by at most this long. Keep it
    /// above the function timeout (host.json functionTimeout, 5 min). Default 360.
    /// </summary>
    [Range(30, 3_600)]
    public int ChunkClaimSeconds { get; set; } = 360;

    /// <summary>The dequeue count at which a failing chunk marks its replay failed; keep equal to host.json's maxDequeueCount. Default 5.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;
}
