using System.Net;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Realtime;

/// <summary>
/// A handler's eventGridTrigger function that fails is retried by Event Grid on its schedule (shortened for tests,
/// see <see cref="PipelineFixture"/>) and dead-lettered when the attempts run out: the worker's failure reaches the
/// extension's webhook as a 500, which is what Event Grid retries.
/// </summary>
[Collection(LiveEventGridCollection.Name)]
public sealed class EventGridRedeliveryTests(LiveEventGridFixture pipeline)
{
    private FunctionsHost.FunctionsHost Host => ((WorkerHost)pipeline.Host).Host;

    private int SentFor(TenantClient tenant, string id) => pipeline.SignalR.Requests
        .Count(r => r.IsSend && r.Argument?["id"]?.GetValue<string>() == id && r.Argument["tenant"]?.GetValue<string>() == tenant.Tenant);

    // Ingests the event and waits until the live topic's own delivery has been sent, so the test's delivery is the only one in flight.
    private async Task<System.Text.Json.Nodes.JsonObject> PublishedAsync(TenantClient tenant, string id)
    {
        using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        for (var attempt = 0; attempt < 400 && SentFor(tenant, id) == 0; attempt++)
        {
            await Task.Delay(25);
        }
        Assert.True(SentFor(tenant, id) > 0, "the live delivery did not reach SignalR");
        return pipeline.Published(tenant.Tenant, id);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_is_retried_on_the_schedule_then_dead_lettered()
    {
        using var tenant = await pipeline.CreateTenantAsync("egr");
        var published = await PublishedAsync(tenant, "egr-dead");
        var failedBefore = Host.Invocations.Count(i => i.Function == "signalr" && !i.Succeeded);
        pipeline.SignalR.FailNext(1000);
        try
        {
            var delivery = Assert.Single(await Host.PublishEventGridAsync("signalr", [published]));

            Assert.False(delivery.Delivered);
            Assert.Equal(4, delivery.Attempts.Count);
            Assert.All(delivery.Attempts, a => Assert.Equal(500, a.StatusCode));
            // The shortened schedule: 0.2 s, 0.4 s, 0.8 s between attempts (at least).
            Assert.True(delivery.Attempts[^1].At - delivery.Attempts[0].At >= TimeSpan.FromMilliseconds(1400));
            var letter = delivery.DeadLetter!;
            Assert.Equal("MaxDeliveryAttemptsExceeded", letter.DeadLetterReason);
            Assert.Equal(4, letter.DeliveryAttempts);
            Assert.Equal(500, letter.LastHttpStatusCode);
            Assert.Contains(Host.DeadLetters, d => d.Event["id"]?.GetValue<string>() == "egr-dead" && d.Function == "signalr");
            Assert.Equal(failedBefore + 4, Host.Invocations.Count(i => i.Function == "signalr" && !i.Succeeded));
        }
        finally
        {
            pipeline.SignalR.FailNext(0);
        }
    }

    [Fact]
    public async Task A_handler_that_recovers_is_delivered_by_a_retry()
    {
        using var tenant = await pipeline.CreateTenantAsync("egr");
        var published = await PublishedAsync(tenant, "egr-recover");
        var sentBefore = SentFor(tenant, "egr-recover");
        // SignalR is down until the first attempt has failed (the REST client's own retries included), then up again.
        void RecoverAfterFirstFailure(FunctionsHost.InvocationResult result)
        {
            if (result.Function == "signalr" && !result.Succeeded)
            {
                pipeline.SignalR.FailNext(0);
            }
        }
        Host.InvocationCompleted += RecoverAfterFirstFailure;
        pipeline.SignalR.FailNext(1000);

        IReadOnlyList<FunctionsHost.EventGrid.EventGridDelivery> deliveries;
        try
        {
            deliveries = await Host.PublishEventGridAsync("signalr", [published]);
        }
        finally
        {
            Host.InvocationCompleted -= RecoverAfterFirstFailure;
            pipeline.SignalR.FailNext(0);
        }
        var delivery = Assert.Single(deliveries);

        Assert.True(delivery.Delivered);
        Assert.Equal([500, 202], delivery.Attempts.Select(a => a.StatusCode));
        Assert.True(delivery.Attempts[1].At - delivery.Attempts[0].At >= TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain(Host.DeadLetters, d => d.Event["id"]?.GetValue<string>() == "egr-recover");
        Assert.True(SentFor(tenant, "egr-recover") > sentBefore);
    }
}
