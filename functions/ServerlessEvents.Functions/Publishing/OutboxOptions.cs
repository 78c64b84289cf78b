using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>The outbox sweeper (section <c>Outbox</c>). Its schedule is in <c>Publishing/outboxSweeper.function.json</c> (every 30 s).</summary>
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
}
