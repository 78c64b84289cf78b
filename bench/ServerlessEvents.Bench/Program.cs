using ServerlessEvents.Bench;

var settings = BenchSettings.Parse(args);
var started = DateTimeOffset.UtcNow;
await using var environment = await BenchEnvironment.StartAsync();
var scenarios = new IngestScenarios(environment, settings);
// Warm the handler up (JIT tiering and dynamic PGO settle) so the levels measure a steady state.
await scenarios.WarmUpAsync();
var endToEnd = await EndToEndRuns.RunAsync(environment, await environment.CreateTenantAsync(IngestScenarios.FreshTenant()), settings);
foreach (var e in endToEnd)
{
    Console.Error.WriteLine($"end-to-end {e.Path}: {e.Received}/{e.Sent}, p50 {e.P50Milliseconds:F1} ms");
}
var results = new List<LoadResult>();
var baselines = new Dictionary<int, LoadResult>();
var singles = new Dictionary<int, LoadResult>();
foreach (var c in new[] { 1, 8, 32 })
{
    var (baseline, single) = await PairedRunner.RunAsync(settings.Rounds, () => scenarios.StorageBaselineAsync(c), () => scenarios.SingleIngestAsync(c));
    results.Add(baselines[c] = baseline);
    results.Add(singles[c] = single with { Ratio = single.EventsPerSecond / baselines[c].EventsPerSecond, RatioTo = $"storage-baseline c={c}" });
    Console.Error.WriteLine($"c={c}: baseline {baselines[c].EventsPerSecond:F0}/s, single {single.EventsPerSecond:F0}/s");
}
foreach (var stage in await new StageBreakdown(environment, settings).RunAsync(8))
{
    results.Add(stage with { Ratio = stage.EventsPerSecond / baselines[8].EventsPerSecond, RatioTo = "storage-baseline c=8" + (stage.RatioTo is null ? "" : "; " + stage.RatioTo) });
}
foreach (var size in new[] { 100, 500 })
{
    var batch = await scenarios.BatchIngestAsync(size, 8);
    results.Add(batch with { Ratio = batch.EventsPerSecond / singles[8].EventsPerSecond, RatioTo = "single-ingest c=8" });
    Console.Error.WriteLine($"batch {size}: {batch.EventsPerSecond:F0}/s");
}
var signing = new[] { SigningScenario.Run(1024, settings.SigningIterations), SigningScenario.Run(65_536, settings.SigningIterations / 10) };

// The same single-event levels with Ingestion:AwaitPublish=false (202 right after the commit), on a fresh handler.
var (peakMegabytes, cpuSeconds) = await environment.RestartHandlerAsync(new Dictionary<string, string> { ["Ingestion__AwaitPublish"] = "false" });
await scenarios.WarmUpAsync();
foreach (var c in new[] { 1, 8, 32 })
{
    var (baseline, single) = await PairedRunner.RunAsync(settings.Rounds, () => scenarios.StorageBaselineAsync(c), () => scenarios.SingleIngestAsync(c, "single-ingest-nowait"));
    results.Add(baseline);
    results.Add(single with { Ratio = single.EventsPerSecond / baseline.EventsPerSecond, RatioTo = $"storage-baseline c={c} (rerun)" });
    Console.Error.WriteLine($"no-wait c={c}: baseline {baseline.EventsPerSecond:F0}/s, single {single.EventsPerSecond:F0}/s");
}

var report = new BenchReport(started, MachineInfo.Read(), settings.Quick,
    "isolated worker process (dotnet ServerlessEvents.FunctionApp.dll) behind the gRPC host double, called through its front door",
    results, endToEnd, signing, peakMegabytes, cpuSeconds);
ReportPrinter.Print(report, Console.Out);
await ReportPrinter.WriteJsonAsync(report, settings.OutputPath);
Console.WriteLine($"Wrote {settings.OutputPath}");
