using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Metrics;

namespace ServerlessEvents.IntegrationTests.Metrics;

[Collection(LiveEventGridCollection.Name)]
public sealed class CounterConcurrencyTests(LiveEventGridFixture pipeline)
{
    private MetricsCounterStore SingleShardStore(int attempts = 100) => new(pipeline.Host.Services.GetRequiredService<TableServiceClient>(),
        Options.Create(new MetricsOptions { CounterShards = 1, MaxWriteAttempts = attempts }));

    private static CounterContribution Count(string? marker) =>
        new(marker, [CounterIncrement.One("serverlessevents_webhook_deliveries_total", ("outcome", "delivered"))]);

    [Fact]
    public async Task Concurrent_increments_of_one_counter_are_all_kept()
    {
        var store = SingleShardStore();
        var tenant = "cc-" + Guid.NewGuid().ToString("N")[..12];

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => store.AddAsync(tenant, [Count(null)])));

        var series = Assert.Single(await new MetricsCounterReader(pipeline.Host.Services.GetRequiredService<TableServiceClient>()).ReadAsync(tenant));
        Assert.Equal(16, series.Value);
    }

    [Fact]
    public async Task Concurrent_writes_of_one_marker_count_once()
    {
        var store = SingleShardStore();
        var tenant = "cm-" + Guid.NewGuid().ToString("N")[..12];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.AddAsync(tenant, [Count("same-delivery"), Count("other-" + Guid.NewGuid())])));

        var series = Assert.Single(await new MetricsCounterReader(pipeline.Host.Services.GetRequiredService<TableServiceClient>()).ReadAsync(tenant));
        Assert.Equal(9, series.Value);
    }

    [Fact]
    public async Task More_markers_than_one_transaction_holds_are_split_and_each_counted_once()
    {
        var store = SingleShardStore(attempts: 2); // already-counted markers must not use up attempts
        var tenant = "cb-" + Guid.NewGuid().ToString("N")[..12];
        var contributions = Enumerable.Range(0, 150).Select(i => Count("event-" + i)).ToArray();

        await store.AddAsync(tenant, contributions);
        await store.AddAsync(tenant, contributions);

        var series = Assert.Single(await new MetricsCounterReader(pipeline.Host.Services.GetRequiredService<TableServiceClient>()).ReadAsync(tenant));
        Assert.Equal(150, series.Value);
    }
}
