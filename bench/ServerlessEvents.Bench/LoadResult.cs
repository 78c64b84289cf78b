namespace ServerlessEvents.Bench;

/// <summary>One measured load level.</summary>
public sealed record LoadResult(
    string Name, int Concurrency, int Operations, int Events, double Seconds, double EventsPerSecond,
    double P50Milliseconds, double P99Milliseconds, int Failures)
{
    /// <summary>Throughput relative to a baseline (filled in by the scenario that owns the baseline).</summary>
    public double? Ratio { get; init; }

    /// <summary>What the ratio is against.</summary>
    public string? RatioTo { get; init; }

    /// <summary>Handler CPU per event in microseconds, when the handler's CPU was sampled for this level.</summary>
    public double? HandlerCpuMicrosecondsPerEvent { get; init; }

    /// <summary>The bench process's CPU per event (host double, sink and load generator together), sampled with the worker's.</summary>
    public double? BenchCpuMicrosecondsPerEvent { get; init; }

    /// <summary>Throughput relative to the raw-insert baseline at the same concurrency, for rows whose <see cref="Ratio"/> is against something else.</summary>
    public double? RatioToStorage { get; init; }

    /// <summary>Storage requests per accepted event, from the counting pass (<see cref="StorageCountingPass"/>).</summary>
    public double? StorageRequestsPerEvent { get; init; }

    /// <summary>Entity writes per accepted event, from the counting pass.</summary>
    public double? EntityWritesPerEvent { get; init; }
}
