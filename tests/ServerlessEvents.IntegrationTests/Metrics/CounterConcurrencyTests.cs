using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Metrics;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.IntegrationTests.Metrics;

[Collection(LiveEventGridCollection.Name)]
public sealed class CounterConcurrencyTests(LiveEventGridFixture pipeline)
{
    private MetricsCounterStore SingleShardStore() => new(pipeline.Host.Services.GetRequiredService<TableServiceClient>(),
        Options.Create(new MetricsOptions { CounterShards = 1, MaxWriteAttempts = 100 }));

    private static CounterContribution Count(string? marker) =>
        new(marker, [CounterIncrement.One("serverlessevents_webhook_deliveries_total", ("outcome", "delivered"))]);

    [Fact]
    public async Task Concurrent_increments_of_one_counter_are_all_kept()
    {
        var store = SingleShardStore();
        var tenant = "cc-" + Guid.NewGuid().ToString("N")[..12];

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => store.AddAsync(tenant, [Count(null)])));

        var series = Assert.Single(await store.ReadAsync(tenant));
        Assert.Equal(16, series.Value);
    }

    [Fact]
    public async Task Concurrent_writes_of_one_marker_count_once()
    {
        var store = SingleShardStore();
        var tenant = "cm-" + Guid.NewGuid().ToString("N")[..12];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.AddAsync(tenant, [Count("same-delivery"), Count("other-" + Guid.NewGuid())])));

        var series = Assert.Single(await store.ReadAsync(tenant));
        Assert.Equal(9, series.Value);
    }
}
