using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookAutoDisableTests(WebhookPipelineFixture pipeline)
{
    [Fact]
    public async Task An_endpoint_failing_without_success_for_five_days_is_disabled_and_the_tenant_is_told()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var failing = await ScriptedReceiver.AlwaysAsync(500);
        var hook = await WebhookApi.CreateAsync(tenant, failing.Url("/failing"), ["order.created"]);
        try
        {
            await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-auto-1-" + Guid.NewGuid().ToString("N")));
            var first = await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id);
            Assert.True(first["enabled"]!.GetValue<bool>());
            Assert.NotNull(first["stats"]!["failingSince"]);
            Assert.Equal("The receiver answered 500.", first["stats"]!["lastError"]!.GetValue<string>());

            pipeline.Clock.Offset = TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1);
            await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-auto-2-" + Guid.NewGuid().ToString("N")));

            var disabled = await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id);
            Assert.False(disabled["enabled"]!.GetValue<bool>());
            Assert.Contains("failed since", disabled["disabledReason"]!.GetValue<string>());
            Assert.Equal(0, disabled["stats"]!["successRate"]!.GetValue<double>());
            var told = (await WebhookApi.GetAsync(tenant, "/api/events?type=webhook.disabled"))["items"]!.AsArray();
            Assert.Equal(hook.Id, Assert.Single(told)!["data"]!["webhookId"]!.GetValue<string>());

            // Queued retries of a disabled subscription are dead-lettered, not sent.
            var requestsWhenDisabled = failing.Requests.Count;
            await WebhookApi.DrainRetriesUntilAsync(pipeline, async () =>
                (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).All(d => d!["status"]!.GetValue<string>() == "failed"), "retries dead-lettered");
            Assert.Equal(requestsWhenDisabled, failing.Requests.Count);
        }
        finally
        {
            pipeline.Clock.Offset = TimeSpan.Zero;
        }
    }
}
