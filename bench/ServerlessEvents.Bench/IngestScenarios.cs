using Azure.Data.Tables;

namespace ServerlessEvents.Bench;

/// <summary>Storage baseline, single-event ingest and batch ingest, with the handler's CPU per event.</summary>
public sealed class IngestScenarios(BenchEnvironment environment, BenchSettings settings)
{
    /// <summary>Raw 1 KB inserts into Azurite at concurrency <paramref name="concurrency"/> through Azure.Data.Tables' TableClient.AddEntityAsync.</summary>
    public async Task<LoadResult> StorageBaselineAsync(int concurrency)
    {
        // A fresh table per slice, as each ingest slice gets a fresh tenant (fresh partitions): Azurite's point
        // operations scan the partition (LokiJS), so both sides must start from equally empty partitions.
        var table = environment.Azurite.TableServiceClient.GetTableClient(environment.Azurite.UniqueName("base"));
        await table.CreateIfNotExistsAsync();
        var payload = new string('x', BenchEvents.PayloadBytes);
        var run = Guid.NewGuid().ToString("N")[..8];
        return await LoadRunner.RunAsync("storage-baseline", concurrency, settings.WarmUp, settings.Measured, 1, (_, n) =>
            table.AddEntityAsync(new TableEntity($"p{n % 8}", $"{run}-{n:D10}") { ["Json"] = payload }));
    }

    /// <summary>Runs single and batch ingest unmeasured until the handler's JIT has settled.</summary>
    public async Task WarmUpAsync()
    {
        var until = DateTime.UtcNow + settings.HandlerWarmUp;
        while (DateTime.UtcNow < until)
        {
            await SingleIngestAsync(8);
            await BatchIngestAsync(100, 2);
        }
    }

    /// <summary>One short round of single and batch ingest (after a restart, before counting).</summary>
    public async Task WarmUpOnceAsync()
    {
        await SingleIngestCountAsync(200, 8);
        await BatchIngestAsync(100, 2);
    }

    /// <summary>Exactly <paramref name="events"/> single-event requests (all answered 202) from <paramref name="concurrency"/> clients.</summary>
    public async Task<LoadResult> SingleIngestCountAsync(int events, int concurrency)
    {
        var key = await environment.CreateTenantAsync(FreshTenant());
        var run = Guid.NewGuid().ToString("N")[..8];
        return await FixedCountRunner.RunAsync("single-ingest", concurrency, events / concurrency, 1, async (_, n) =>
        {
            using var request = BenchEvents.Single(key, $"{run}-{n}");
            using var response = await environment.Client.SendAsync(request);
            EnsureStatus(response, 202);
        });
    }

    /// <summary>Single-event ingest (validation, transaction, index, publish to the sink) at <paramref name="concurrency"/>.</summary>
    public async Task<LoadResult> SingleIngestAsync(int concurrency, string name = "single-ingest")
    {
        var key = await environment.CreateTenantAsync(FreshTenant());
        var run = Guid.NewGuid().ToString("N")[..8];
        return await MeasureWithCpuAsync(name, concurrency, 1, async (_, n) =>
        {
            using var request = BenchEvents.Single(key, $"{run}-{n}");
            using var response = await environment.Client.SendAsync(request);
            EnsureStatus(response, 202);
        });
    }

    /// <summary>Batch ingest of <paramref name="size"/> events per request at <paramref name="concurrency"/>.</summary>
    public async Task<LoadResult> BatchIngestAsync(int size, int concurrency)
    {
        var key = await environment.CreateTenantAsync(FreshTenant());
        var run = Guid.NewGuid().ToString("N")[..8];
        var cpu = new CpuSample(environment);
        var result = await FixedCountRunner.RunAsync($"batch-{size}", concurrency, settings.BatchesPerWorker, size, async (_, n) =>
        {
            using var request = BenchEvents.Batch(key, $"{run}-{n}", size);
            using var response = await environment.Client.SendAsync(request);
            EnsureStatus(response, 200);
        }, cpu.Start, cpu.End);
        return cpu.Apply(result);
    }

    private async Task<LoadResult> MeasureWithCpuAsync(string name, int concurrency, int eventsPerOperation, Func<int, long, Task> operation)
    {
        var cpu = new CpuSample(environment);
        var result = await LoadRunner.RunAsync(name, concurrency, settings.WarmUp, settings.Measured, eventsPerOperation, operation, cpu.Start, cpu.End);
        return cpu.Apply(result);
    }

    private static void EnsureStatus(HttpResponseMessage response, int expected)
    {
        if ((int)response.StatusCode != expected)
        {
            throw new HttpRequestException($"expected {expected}, got {(int)response.StatusCode}");
        }
    }

    /// <summary>A new tenant id: each measured slice writes to its own, empty partitions.</summary>
    public static string FreshTenant() => "bench-" + Guid.NewGuid().ToString("N")[..12];
}
