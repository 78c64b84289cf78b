using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Metrics;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.UnitTests.Metrics;

public sealed class MetricsFailureTests
{
    /// <summary>A store whose storage is down, as Azure.Core reports it after its retries.</summary>
    private sealed class UnreachableStore() : MetricsCounterStore(
        new TableServiceClient("UseDevelopmentStorage=true"), Options.Create(new MetricsOptions()))
    {
        public int Calls { get; private set; }

        public override Task AddAsync(string tenant, IReadOnlyList<CounterContribution> contributions, CancellationToken cancellationToken = default)
        {
            Calls++;
            throw new AggregateException(new RequestFailedException(0, "connection refused"));
        }
    }

    private static DeliveredEvent Delivered()
    {
        var json = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["specversion"] = "1.0", ["id"] = "e1", ["source"] = "/s", ["type"] = "order.created", ["time"] = "2026-11-20T10:00:00Z", ["tenantid"] = "acme",
        }.ToJsonString());
        return new DeliveredEvent("acme", CanonicalEventJson.Deserialize(json), json);
    }

    [Fact]
    public async Task Metrics_subscriber_fails_the_invocation_when_storage_is_down_so_event_grid_retries()
    {
        var subscriber = new MetricsSubscriber(new MetricsRecorder(new UnreachableStore()));

        await Assert.ThrowsAsync<AggregateException>(() => subscriber.HandleAsync(Delivered(), CancellationToken.None));
    }

    [Fact]
    public async Task Observer_hooks_swallow_a_storage_outage_so_the_counted_work_is_unaffected()
    {
        var store = new UnreachableStore();
        var observer = new MetricsObserver(new MetricsRecorder(store), NullLogger<MetricsObserver>.Instance);

        await observer.OnIngestedAsync("acme", [new IngestResult(0, "e1", "duplicate", 200, [])], CancellationToken.None);
        await observer.OnInvocationAsync("email", "acme", "succeeded", CancellationToken.None);

        Assert.Equal(2, store.Calls);
    }
}
