using System.Net;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Metrics;

public sealed class ObserverFailureTests(FailingObserverFixture pipeline) : IClassFixture<FailingObserverFixture>
{
    [Fact]
    public async Task A_failing_observer_never_fails_ingestion_or_publishing()
    {
        using var tenant = await pipeline.CreateTenantAsync("f");

        using var single = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("obs-1"));
        using var batch = await tenant.Http.PostBatchAsync([EventSamples.CloudEvent("obs-2"), EventSamples.CloudEvent("obs-1")]);
        using var stored = await tenant.Http.GetAsync("/api/events/obs-2");

        Assert.Equal(HttpStatusCode.Accepted, single.StatusCode);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Contains(pipeline.EventGrid.Events, e => e["id"]!.GetValue<string>() == "obs-2" && e["tenantid"]!.GetValue<string>() == tenant.Tenant);
    }
}
