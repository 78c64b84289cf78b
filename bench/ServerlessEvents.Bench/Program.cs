using ServerlessEvents.Bench;

var settings = BenchSettings.Parse(args);
var started = DateTimeOffset.UtcNow;
await using var environment = await BenchEnvironment.StartAsync();
var scenarios = new IngestScenarios(environment, settings);
if (settings.StorageOnly)
{
    foreach (var count in await new StorageCountingPass(environment, settings).RunAsync(scenarios))
    {
        Console.WriteLine($"storage {count.Scenario}: {count.AcceptedEvents} accepted, {count.RequestsPerEvent:F2} requests, {count.Transactions} transactions, " +
            $"{count.EntityWritesPerEvent:F2} entity writes per accepted event: " + string.Join(", ", count.WritesByTable.Select(p => $"{p.Key} {p.Value}")));
    }
    return;
}
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
    results.Add(singles[c] = single with { Ratio = single.EventsPerSecond / baselines[c].EventsPerSecond, RatioTo = $"storage-baseline c={c}", RatioToStorage = single.EventsPerSecond / baselines[c].EventsPerSecond });
    Console.Error.WriteLine($"c={c}: baseline {baselines[c].EventsPerSecond:F0}/s, single {single.EventsPerSecond:F0}/s");
}
foreach (var stage in await new StageBreakdown(environment, settings).RunAsync(8))
{
    results.Add(stage with { Ratio = stage.EventsPerSecond / baselines[8].EventsPerSecond, RatioTo = "storage-baseline c=8" + (stage.RatioTo is null ? "" : "; " + stage.RatioTo) });
}
foreach (var size in new[] { 100, 500 })
{
    var batch = await scenarios.BatchIngestAsync(size, 8);
    results.Add(batch with { Ratio = batch.EventsPerSecond / singles[8].EventsPerSecond, RatioTo = "single-ingest c=8", RatioToStorage = batch.EventsPerSecond / baselines[8].EventsPerSecond });
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

// What an accepted event costs in storage requests and entity writes, counted on a worker behind counting proxies.
var storage = await new StorageCountingPass(environment, settings).RunAsync(scenarios);
foreach (var count in storage)
{
    Console.Error.WriteLine($"storage {count.Scenario}: {count.RequestsPerEvent:F2} requests, {count.EntityWritesPerEvent:F2} entity writes per accepted event");
}
results = results.Select(r => (r.Name, r.Concurrency) switch
{
    ("single-ingest", 8) => r with { StorageRequestsPerEvent = storage[0].RequestsPerEvent, EntityWritesPerEvent = storage[0].EntityWritesPerEvent },
    ("batch-100", 8) => r with { StorageRequestsPerEvent = storage[1].RequestsPerEvent, EntityWritesPerEvent = storage[1].EntityWritesPerEvent },
    _ => r,
}).ToList();

var report = new BenchReport(started, MachineInfo.Read(), settings.Quick,
    "isolated worker process (dotnet ServerlessEvents.FunctionApp.dll) behind the gRPC host double, called through its front door",
    results, endToEnd, signing, storage, peakMegabytes, cpuSeconds);
ReportPrinter.Print(report, Console.Out);
await ReportPrinter.WriteJsonAsync(report, settings.OutputPath);
Console.WriteLine($"Wrote {settings.OutputPath}");
