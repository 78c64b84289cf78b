using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.EventLog;

/// <summary>Group commit in <see cref="EventStore"/>, against Azurite, counting the transactions that reach it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GroupCommitTests(AzuriteFixture azurite)
{
    private sealed class TransactionCounter : HttpPipelinePolicy
    {
        private int _transactions;

        public int Transactions => Volatile.Read(ref _transactions);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Count(HttpMessage message)
        {
            if (message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _transactions);
            }
        }
    }

    private async Task<(EventStore Store, TransactionCounter Counter, TableClient Events)> CreateAsync()
    {
        var counter = new TransactionCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(azurite.ConnectionString, options);
        await tables.GetTableClient(TableNames.Events).CreateIfNotExistsAsync();
        return (new EventStore(tables, TimeProvider.System, Options.Create(new EventLogOptions())), counter, tables.GetTableClient(TableNames.Events));
    }

    /// <summary>An event of <paramref name="tenant"/> forced into shard 0, so every event of the test shares one partition.</summary>
    private static PreparedEvent Prepare(string tenant, string id, string note = "a")
    {
        var e = new CanonicalEvent
        {
            Id = id, Source = "/group-commit", Type = "order.created", Time = "2026-12-02T10:00:00Z",
            DataContentType = "application/json", Data = JsonDocument.Parse($$"""{"note":"{{note}}"}""").RootElement.Clone(),
        };
        return new PreparedEvent(tenant, e, CanonicalEventJson.Serialize(e), CanonicalEventJson.ContentHash(e), EventKeys.EventKey(tenant, e.Source, e.Id), 0);
    }

    private static string NewTenant() => "gc" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<int> EventRowsAsync(TableClient events, string partition)
    {
        var count = 0;
        await foreach (var _ in events.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"i|"} and RowKey lt {"i}"}"), select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task Concurrent_writers_of_one_partition_share_transactions_and_every_event_is_stored_once()
    {
        var (store, counter, events) = await CreateAsync();
        var tenant = NewTenant();
        var prepared = Enumerable.Range(0, 48).Select(i => Prepare(tenant, "gc-" + i)).ToArray();

        var outcomes = await Task.WhenAll(prepared.Select(p => Task.Run(() => store.AppendAsync([p]))));

        Assert.All(outcomes, o => Assert.Equal(AppendOutcome.Accepted, Assert.Single(o)));
        Assert.True(counter.Transactions < prepared.Length, $"48 concurrent single-event writers of one partition used {counter.Transactions} transactions");
        Assert.Equal(48, await EventRowsAsync(events, prepared[0].Partition));
        foreach (var p in prepared)
        {
            Assert.Equal(p.Json, (await store.GetAsync(p.Partition, p.RowKey))!.Json);
        }
    }

    [Fact]
    public async Task Concurrent_copies_of_one_event_store_one_and_the_others_are_judged_against_it()
    {
        var (store, _, events) = await CreateAsync();
        var tenant = NewTenant();
        var copies = Enumerable.Range(0, 12).Select(i => Prepare(tenant, "gc-same", i == 5 ? "other content" : "a")).ToArray();

        var outcomes = (await Task.WhenAll(copies.Select(c => Task.Run(() => store.AppendAsync([c]))))).Select(o => Assert.Single(o)).ToArray();

        var winner = Assert.Single(outcomes.Select((o, i) => (Outcome: o, Copy: copies[i])), x => x.Outcome == AppendOutcome.Accepted).Copy;
        for (var i = 0; i < copies.Length; i++)
        {
            if (!ReferenceEquals(copies[i], winner))
            {
                Assert.Equal(copies[i].ContentHash == winner.ContentHash ? AppendOutcome.Duplicate : AppendOutcome.Conflict, outcomes[i]);
            }
        }
        Assert.Equal(1, await EventRowsAsync(events, winner.Partition));
        Assert.Equal(winner.ContentHash, (await store.GetAsync(winner.Partition, winner.RowKey))!.ContentHash);
    }

    [Fact]
    public async Task A_request_larger_than_one_transaction_is_split_and_a_stored_event_inside_it_does_not_fail_the_rest()
    {
        var (store, counter, events) = await CreateAsync();
        var tenant = NewTenant();
        var prepared = Enumerable.Range(0, 80).Select(i => Prepare(tenant, "gc-big-" + i)).ToArray();
        Assert.Equal(AppendOutcome.Accepted, Assert.Single(await store.AppendAsync([prepared[40]])));
        var before = counter.Transactions;

        var outcomes = await store.AppendAsync(prepared);

        Assert.Equal(AppendOutcome.Duplicate, outcomes[40]);
        Assert.All(outcomes.Where((_, i) => i != 40), o => Assert.Equal(AppendOutcome.Accepted, o));
        // 80 events at 50 per transaction need 2, and the stored one makes its transaction go twice.
        Assert.InRange(counter.Transactions - before, (80 + EventStore.MaxEventsPerTransaction - 1) / EventStore.MaxEventsPerTransaction, 3);
        Assert.Equal(80, await EventRowsAsync(events, prepared[0].Partition));
    }
}
