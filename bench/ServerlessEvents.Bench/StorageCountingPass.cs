using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.Bench;

/// <summary>
/// Counts what one accepted event costs in storage: the worker is restarted with its storage connection pointed at
/// <see cref="StorageCountingProxy"/> instances in front of Azurite's table and queue services, a fixed number of
/// single-event requests (c = 8) and of 100-event batches (c = 8) is sent to a fresh tenant, the run waits until
/// storage has been idle for a second (so background work after the last answer is counted too), and every
/// request and entity write that crossed the proxies in that span is divided by the events accepted in it.
/// </summary>
public sealed class StorageCountingPass(BenchEnvironment environment, BenchSettings settings)
{
    /// <summary>Runs the pass and returns one count per scenario.</summary>
    public async Task<IReadOnlyList<StorageCount>> RunAsync(IngestScenarios scenarios)
    {
        await using var tables = StorageCountingProxy.Start(environment.Azurite.TableEndpoint);
        await using var queues = StorageCountingProxy.Start(environment.Azurite.QueueEndpoint);
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};" +
                         $"TableEndpoint=http://127.0.0.1:{tables.Port}/{AzuriteFixture.AccountName};QueueEndpoint=http://127.0.0.1:{queues.Port}/{AzuriteFixture.AccountName};";
        await environment.RestartHandlerAsync(new Dictionary<string, string> { ["AzureWebJobsStorage"] = connection });
        await scenarios.WarmUpOnceAsync();
        var counts = new List<StorageCount>
        {
            await CountAsync("single-ingest c=8", tables, queues, () => scenarios.SingleIngestCountAsync(settings.Quick ? 400 : 2_000, 8)),
            await CountAsync("batch-100 c=8", tables, queues, () => scenarios.BatchIngestAsync(100, 8)),
        };
        return counts;
    }

    private static async Task<StorageCount> CountAsync(string name, StorageCountingProxy tables, StorageCountingProxy queues, Func<Task<LoadResult>> run)
    {
        await tables.WaitIdleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var (tablesBefore, queuesBefore) = (tables.Snapshot(), queues.Snapshot());
        // The tenant is created inside the run; its writes (key rows) are a handful against thousands of events.
        var result = await run();
        await tables.WaitIdleAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var table = tables.Snapshot().Minus(tablesBefore);
        var queue = queues.Snapshot().Minus(queuesBefore);
        // FixedCountRunner sends one unmeasured operation per worker first; those events were accepted in the span too.
        var accepted = result.Events + result.Concurrency * (result.Operations == 0 ? 0 : result.Events / result.Operations);
        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{name}: {result.Failures} requests failed during the counting pass.");
        }
        return new StorageCount(name, accepted, table.Requests + queue.Requests, table.Transactions, table.Writes + queue.Writes,
            table.WritesByTable.Concat(queue.WritesByTable).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }
}

/// <summary>Storage cost of one scenario: totals over the counted span and per accepted event.</summary>
public sealed record StorageCount(string Scenario, int AcceptedEvents, long Requests, long Transactions, long EntityWrites, IReadOnlyDictionary<string, long> WritesByTable)
{
    /// <summary>Storage requests (table and queue, reads included) per accepted event.</summary>
    public double RequestsPerEvent => AcceptedEvents == 0 ? 0 : (double)Requests / AcceptedEvents;

    /// <summary>Entity writes (and queue message writes) per accepted event.</summary>
    public double EntityWritesPerEvent => AcceptedEvents == 0 ? 0 : (double)EntityWrites / AcceptedEvents;
}
