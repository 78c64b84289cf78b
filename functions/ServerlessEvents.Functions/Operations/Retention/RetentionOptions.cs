using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Retention;

/// <summary>Retention (section <c>Retention</c>). The schedule is on <see cref="RetentionFunctions.SweepAsync"/> (hourly, at 20 past). See docs/retention.md.</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retention";

    /// <summary>Days data is kept when a tenant has not set its own period. Default 30.</summary>
    [Range(1, 3_650)]
    public int DefaultDays { get; set; } = 30;

    /// <summary>Feed rows handled per batch; the checkpoint is saved after each batch. Default 100.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How long one sweep may run, in seconds; the next run resumes from the checkpoints. Default 240 (the function timeout is 5 minutes).</summary>
    [Range(1, 3_000)]
    public int MaxRunSeconds { get; set; } = 240;
}
