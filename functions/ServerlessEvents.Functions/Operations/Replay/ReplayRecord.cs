namespace ServerlessEvents.Functions.Replay;

/// <summary>A replay job as stored: selection, target and progress. <see cref="Total"/> is null while the job still counts.</summary>
public sealed record ReplayRecord(
    string Tenant, string ReplayId, string Status, long? Total, long Processed, ReplayTarget Target,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, ReplayFilter? Filter, IReadOnlyList<string>? Locations, string? Error)
{
    /// <summary>Statuses.</summary>
    public const string Pending = "pending", Running = "running", Completed = "completed", Failed = "failed";

    /// <summary>Progress in percent (100 once completed).</summary>
    public double Percent => Status == Completed ? 100 : Total is > 0 ? Math.Min(100, Math.Round(Processed * 100.0 / Total.Value, 1)) : 0;
}
