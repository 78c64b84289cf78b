namespace ServerlessEvents.Bench;

/// <summary>
/// Measures a scenario and its baseline in alternating slices (baseline, scenario, baseline, ...) and sums each
/// side, so a change in machine load during the run (other processes on a shared machine) hits both sides alike
/// and the ratio stays meaningful.
/// </summary>
public static class PairedRunner
{
    /// <summary>Runs <paramref name="rounds"/> alternating slices of each; returns (baseline, scenario).</summary>
    public static async Task<(LoadResult Baseline, LoadResult Scenario)> RunAsync(int rounds, Func<Task<LoadResult>> baseline, Func<Task<LoadResult>> scenario)
    {
        var baselines = new List<LoadResult>();
        var scenarios = new List<LoadResult>();
        for (var round = 0; round < rounds; round++)
        {
            baselines.Add(await baseline());
            scenarios.Add(await scenario());
        }
        return (Merge(baselines), Merge(scenarios));
    }

    /// <summary>Sums slices: events over total seconds; latency percentiles as the event-weighted mean of the slices'.</summary>
    public static LoadResult Merge(IReadOnlyList<LoadResult> slices)
    {
        var events = slices.Sum(s => s.Events);
        var seconds = slices.Sum(s => s.Seconds);
        var operations = slices.Sum(s => s.Operations);
        double Weighted(Func<LoadResult, double> f) => operations == 0 ? 0 : slices.Sum(s => f(s) * s.Operations) / operations;
        double? cpu = slices.All(s => s.HandlerCpuMicrosecondsPerEvent is not null) && events > 0
            ? slices.Sum(s => s.HandlerCpuMicrosecondsPerEvent!.Value * s.Events) / events
            : null;
        double? benchCpu = slices.All(s => s.BenchCpuMicrosecondsPerEvent is not null) && events > 0
            ? slices.Sum(s => s.BenchCpuMicrosecondsPerEvent!.Value * s.Events) / events
            : null;
        var first = slices[0];
        return first with
        {
            Operations = operations, Events = events, Seconds = seconds, EventsPerSecond = events / seconds,
            P50Milliseconds = Weighted(s => s.P50Milliseconds), P99Milliseconds = Weighted(s => s.P99Milliseconds),
            Failures = slices.Sum(s => s.Failures), HandlerCpuMicrosecondsPerEvent = cpu, BenchCpuMicrosecondsPerEvent = benchCpu,
        };
    }
}
