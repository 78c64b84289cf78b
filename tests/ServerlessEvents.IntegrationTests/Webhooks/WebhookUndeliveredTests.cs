using System.Net;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookUndeliveredTests(WebhookPipelineFixture pipeline)
{
    private static async Task<string[]> UndeliveredWebhooksAsync(TenantClient tenant) =>
        (await WebhookApi.GetAsync(tenant, "/api/webhooks/undelivered"))["items"]!.AsArray()
            .Select(d => d!["webhookId"]!.GetValue<string>()).Order().ToArray();

    [Fact]
    public async Task Undelivered_spans_the_tenants_endpoints_includes_retrying_deliveries_and_drops_deleted_subscriptions()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        using var other = await pipeline.CreateTenantAsync("wh");
        await using var failing = await ScriptedReceiver.AlwaysAsync(500);
        await using var healthy = await ScriptedReceiver.AlwaysAsync(200);
        var one = await WebhookApi.CreateAsync(tenant, failing.Url("/1"), ["order.created"]);
        var two = await WebhookApi.CreateAsync(tenant, failing.Url("/2"), ["order.*"]);
        await WebhookApi.CreateAsync(tenant, healthy.Url("/ok"), ["order.created"]);
        await WebhookApi.CreateAsync(other, failing.Url("/other"), ["order.created"]);

        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-und-" + Guid.NewGuid().ToString("N")));

        // Both failing deliveries wait for their retry: undelivered already, the delivered one is not listed.
        Assert.Equal(new[] { one.Id, two.Id }.Order(), await UndeliveredWebhooksAsync(tenant));
        Assert.Empty(await UndeliveredWebhooksAsync(other));
        using var deleted = await tenant.Http.DeleteAsync("/api/webhooks/" + two.Id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([one.Id], await UndeliveredWebhooksAsync(tenant));

        await WebhookApi.DrainRetriesUntilAsync(pipeline, async () =>
            (await WebhookApi.DeliveriesAsync(tenant, one.Id)).Single()!["status"]!.GetValue<string>() == "failed", "dead-lettered");
        Assert.Equal([one.Id], await UndeliveredWebhooksAsync(tenant));
    }
}
