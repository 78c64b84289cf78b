namespace ServerlessEvents.Functions.Metrics;

/// <summary>One series as read back: the sum over every shard of a tenant.</summary>
/// <param name="Tenant">The tenant ("" for invocations that had none).</param>
/// <param name="Metric">The sample name.</param>
/// <param name="Labels">The labels other than tenant.</param>
/// <param name="Value">The total.</param>
public sealed record CounterSeries(string Tenant, string Metric, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);
