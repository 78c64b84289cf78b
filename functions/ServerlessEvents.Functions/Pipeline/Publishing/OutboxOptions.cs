using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>The outbox sweeper (section <c>Outbox</c>). Its schedule is on <see cref="OutboxSweeperFunction"/> (every 30 s).</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Outbox";

    /// <summary>How old an unpublished event must be before the sweeper publishes it, in seconds. Default 30, so the sweeper does not race the request that is publishing it.</summary>
    [Range(0, 86_400)]
    public int MinAgeSeconds { get; set; } = 30;

    /// <summary>Events read from one partition per round. Default 200.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long one sweep may run, in seconds. Default 240 (the function timeout is 5 minutes).</summary>
    [Range(1, 3_000)]
    public int MaxRunSeconds { get; set; } = 240;

    /// <summary>
    /// Completions (index, publish, mark published) that the request fast path runs at once; concurrent requests'
    /// events are merged into them. Default 2, so a publish round trip overlaps the next batch's storage work.
    /// </summary>
    [Range(1, 16)]
    public int CompletionWorkers { get; set; } = 2;

    /// <summary>Requests whose events may wait for completion before new requests wait for room. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int CompletionQueueCapacity { get; set; } = 1_000;

    /// <summary>How long one merged completion may take, in seconds, before it is abandoned to the sweeper. Default 30.</summary>
    [Range(1, 300)]
    public int CompletionTimeoutSeconds { get; set; } = 30;
}
