using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookRecoveryTests(WebhookPipelineFixture pipeline)
{
    private static async Task<string[]> UndeliveredAsync(TenantClient tenant, DateTimeOffset since) =>
        (await WebhookApi.GetAsync(tenant, "/api/webhooks/undelivered?since=" + Uri.EscapeDataString(since.ToString("O"))))["items"]!.AsArray()
            .Select(d => d!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_receiver_that_never_succeeds_is_dead_lettered_listed_as_undelivered_and_recovered_once_fixed()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        var broken = true;
        await using var receiver = await ScriptedReceiver.StartAsync(_ => Volatile.Read(ref broken) ? 503 : 200);
        var hook = await WebhookApi.CreateAsync(tenant, receiver.Url("/down"), ["order.created"]);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-dead-" + Guid.NewGuid().ToString("N")));

        JsonObject delivery = null!;
        await WebhookApi.DrainRetriesUntilAsync(pipeline, async () =>
        {
            delivery = (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!.AsObject();
            return delivery["status"]!.GetValue<string>() == "failed";
        }, "dead-lettered");
        Assert.Equal(4, delivery["attemptCount"]!.GetValue<int>());
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Contains("Gave up after 4 attempts", delivery["lastError"]!.GetValue<string>());
        var deliveryId = delivery["id"]!.GetValue<string>();
        Assert.Contains(deliveryId, await UndeliveredAsync(tenant, since));
        Assert.Single(await WebhookApi.DeliveriesAsync(tenant, hook.Id, "?status=failed"));

        Volatile.Write(ref broken, false);
        using var recover = await tenant.Http.PostAsJsonAsync($"/api/webhooks/{hook.Id}/recover", new JsonObject { ["since"] = since.ToString("O") });
        Assert.Equal(HttpStatusCode.Accepted, recover.StatusCode);
        Assert.Equal(1, (await recover.Content.ReadFromJsonAsync<JsonObject>())!["redriven"]!.GetValue<int>());
        await WebhookApi.DrainRetriesUntilAsync(pipeline, async () =>
            (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!["status"]!.GetValue<string>() == "delivered", "recovered");

        Assert.Equal(5, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.DoesNotContain(deliveryId, await UndeliveredAsync(tenant, since));
        Assert.Empty(await WebhookApi.DeliveriesAsync(tenant, hook.Id, "?status=failed"));
    }

    [Fact]
    public async Task A_single_delivery_retried_by_hand_is_sent_again_with_the_same_webhook_id()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var receiver = await ScriptedReceiver.AlwaysAsync(200);
        var hook = await WebhookApi.CreateAsync(tenant, receiver.Url("/"), ["order.created"]);
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-manual-" + Guid.NewGuid().ToString("N")));
        await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count == 1), "first delivery");
        var deliveryId = (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!["id"]!.GetValue<string>();

        using var retry = await tenant.Http.PostAsync($"/api/webhooks/{hook.Id}/deliveries/{deliveryId}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await WebhookApi.DrainRetriesUntilAsync(pipeline, () => Task.FromResult(receiver.Requests.Count == 2), "manual retry sent");

        Assert.All(receiver.Requests, r => Assert.Equal(deliveryId, r.Header("webhook-id")));
        await WebhookApi.WaitUntilAsync(async () =>
            (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!["attemptCount"]!.GetValue<int>() == 2, "second attempt logged");
    }

    [Fact]
    public async Task A_410_answer_disables_the_subscription_and_raises_webhook_disabled()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var gone = await ScriptedReceiver.AlwaysAsync(410);
        var hook = await WebhookApi.CreateAsync(tenant, gone.Url("/gone"), ["order.created"]);
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-gone-" + Guid.NewGuid().ToString("N")));

        await WebhookApi.WaitUntilAsync(async () =>
            !(await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id))["enabled"]!.GetValue<bool>(), "subscription disabled");
        var subscription = await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id);
        Assert.Contains("410", subscription["disabledReason"]!.GetValue<string>());
        var delivery = (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!;
        Assert.Equal("failed", delivery["status"]!.GetValue<string>());
        var events = (await WebhookApi.GetAsync(tenant, "/api/events?type=webhook.disabled"))["items"]!.AsArray();
        var disabled = Assert.Single(events)!;
        Assert.Equal(hook.Id, disabled["data"]!["webhookId"]!.GetValue<string>());

        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-gone-2-" + Guid.NewGuid().ToString("N")));
        Assert.Single(gone.Requests);
    }

    [Fact]
    public async Task A_429_with_retry_after_keeps_the_retry_message_invisible_at_least_that_long()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var limited = await ScriptedReceiver.StartAsync(n => n == 1 ? 429 : 200, retryAfter: "3");
        var hook = await WebhookApi.CreateAsync(tenant, limited.Url("/limited"), ["order.created"]);
        var queue = pipeline.Azurite.QueueServiceClient.GetQueueClient("webhook-retries");
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-429-" + Guid.NewGuid().ToString("N")));
        Assert.Single(limited.Requests);

        // The retry is queued but invisible. The schedule's first step is 1 s; Retry-After 3 s lengthens it (within the
        // next step's 4 s bound).
        Assert.True((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        var delivery = (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!;
        var attemptedAt = delivery["attempts"]![0]!["at"]!.GetValue<DateTimeOffset>();
        Assert.True(delivery["nextAttemptAt"]!.GetValue<DateTimeOffset>() - attemptedAt >= TimeSpan.FromSeconds(3));

        // The queue trigger takes the message as soon as it is visible (a peek may lose that race), so the proof that it
        // stayed invisible long enough is the second attempt's time.
        await WebhookApi.DrainRetriesUntilAsync(pipeline, () => Task.FromResult(limited.Requests.Count == 2), "retried after Retry-After");
        var attempts = (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!["attempts"]!.AsArray();
        var waited = attempts[1]!["at"]!.GetValue<DateTimeOffset>() - attempts[0]!["at"]!.GetValue<DateTimeOffset>();
        Assert.True(waited >= TimeSpan.FromSeconds(3), $"the retry ran after {waited}");
    }
}
