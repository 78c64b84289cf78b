using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>Counters in the <c>Metrics</c> table (section <c>Metrics</c>). See docs/metrics.md.</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics";

    /// <summary>
    /// Counter shards per tenant: writes spread over this many partitions, reads sum them. Default 8.
    /// Changing it is safe for totals (reads sum every shard present), but an event redelivered across the change
    /// may be counted twice because its marker lives in the old shard.
    /// </summary>
    [Range(1, 64)]
    public int CounterShards { get; set; } = 8;

    /// <summary>Read-modify-write attempts of one counter update under contention before the write fails. Default 10.</summary>
    [Range(1, 100)]
    public int MaxWriteAttempts { get; set; } = 10;
}
