using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>Pull consumers and the ingestion-order feed (section <c>Consumers</c>). See docs/consumers.md.</summary>
public sealed class ConsumerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Consumers";

    /// <summary>
    /// The safety lag in seconds: consumers only read feed entries stamped before now minus this. Default 10.
    /// A feed row is stamped at most <c>SafetyLagSeconds / 2</c> before its write starts and the write is given
    /// at most <c>SafetyLagSeconds / 2</c> to become visible, so no row can appear behind a consumer's position.
    /// </summary>
    [Range(2, 3_600)]
    public int SafetyLagSeconds { get; set; } = 10;

    /// <summary>The largest page a consumer may ask for. Default 500.</summary>
    [Range(1, 1_000)]
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Feed rows examined per page at most (rows of types the consumer does not want count too). Default 2000.</summary>
    [Range(1, 20_000)]
    public int MaxScanPerPage { get; set; } = 2_000;

    /// <summary>Half the lag: the oldest a stamp may be when its write starts, and the write's time limit.</summary>
    public TimeSpan HalfLag => TimeSpan.FromSeconds(SafetyLagSeconds / 2.0);
}
