using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookPipelineFixture pipeline)
{
    private static bool Verifies(ReceivedRequest request, string secret) => ReceiverVerification.Verifies(request, secret);

    private static JsonArray Condition(string path, JsonNode value) => [new JsonObject { ["path"] = path, ["equals"] = value }];

    [Fact]
    public async Task Event_reaches_matching_receivers_signed_and_skips_non_matching_types_and_filters()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var byPrefix = await ScriptedReceiver.AlwaysAsync(204);
        await using var byFilter = await ScriptedReceiver.AlwaysAsync(200);
        await using var otherType = await ScriptedReceiver.AlwaysAsync(200);
        await using var otherFilter = await ScriptedReceiver.AlwaysAsync(200);
        var prefix = await WebhookApi.CreateAsync(tenant, byPrefix.Url("/a"), ["order.*"]);
        var filtered = await WebhookApi.CreateAsync(tenant, byFilter.Url("/b"), ["order.created"], Condition("data.currency", "EUR"));
        await WebhookApi.CreateAsync(tenant, otherType.Url("/c"), ["user.*"]);
        var unmatched = await WebhookApi.CreateAsync(tenant, otherFilter.Url("/d"), ["*"], Condition("data.currency", "USD"));

        var id = "wh-fanout-" + Guid.NewGuid().ToString("N");
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent(id, subject: "orders/1"));

        await WebhookApi.WaitUntilAsync(() => Task.FromResult(byPrefix.Requests.Count >= 1 && byFilter.Requests.Count >= 1), "both matching receivers called");
        var a = Assert.Single(byPrefix.Requests);
        var b = Assert.Single(byFilter.Requests);
        Assert.True(Verifies(a, prefix.Secret));
        Assert.True(Verifies(b, filtered.Secret));
        Assert.False(Verifies(a, filtered.Secret));
        var body = JsonNode.Parse(a.Body)!.AsObject();
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Null(body["tenantid"]);
        Assert.Equal("order.created", a.Header("X-Event-Type"));
        Assert.StartsWith("msg_", a.Header("webhook-id"));
        Assert.NotEqual(a.Header("webhook-id"), b.Header("webhook-id"));
        Assert.Empty(otherType.Requests);
        Assert.Empty(otherFilter.Requests);
        Assert.Empty(await WebhookApi.DeliveriesAsync(tenant, unmatched.Id));
        var logged = Assert.Single(await WebhookApi.DeliveriesAsync(tenant, prefix.Id));
        Assert.Equal("delivered", logged!["status"]!.GetValue<string>());
        Assert.Equal(a.Header("webhook-id"), logged["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_event_grid_event_delivered_three_times_makes_one_delivery_and_one_request_per_receiver()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var first = await ScriptedReceiver.AlwaysAsync(200);
        await using var second = await ScriptedReceiver.AlwaysAsync(200);
        var one = await WebhookApi.CreateAsync(tenant, first.Url("/"), ["order.created"]);
        var two = await WebhookApi.CreateAsync(tenant, second.Url("/"), ["*"]);
        var id = "wh-dedup-" + Guid.NewGuid().ToString("N");
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent(id));
        await WebhookApi.WaitUntilAsync(() => Task.FromResult(first.Requests.Count == 1 && second.Requests.Count == 1), "first delivery");
        var published = pipeline.EventGrid.Events.Single(e => e["id"]!.GetValue<string>() == id);

        for (var i = 0; i < 3; i++)
        {
            var outcome = await pipeline.Host.DeliverEventGridAsync("webhooks", published.DeepClone().AsObject());
            Assert.True(outcome.Succeeded);
        }

        Assert.Single(first.Requests);
        Assert.Single(second.Requests);
        Assert.Single(await WebhookApi.DeliveriesAsync(tenant, one.Id));
        Assert.Single(await WebhookApi.DeliveriesAsync(tenant, two.Id));
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_event_on_the_third_attempt_and_the_log_shows_all_three()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var flaky = await ScriptedReceiver.StartAsync(n => n <= 2 ? 500 : 200);
        var hook = await WebhookApi.CreateAsync(tenant, flaky.Url("/flaky"), ["order.created"]);
        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-flaky-" + Guid.NewGuid().ToString("N")));

        await WebhookApi.DrainRetriesUntilAsync(pipeline, () => Task.FromResult(flaky.Requests.Count >= 3), "third attempt");

        var requests = flaky.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Single(requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.All(requests, r => Assert.True(Verifies(r, hook.Secret)));
        JsonObject delivery = null!;
        await WebhookApi.WaitUntilAsync(async () =>
        {
            delivery = (await WebhookApi.DeliveriesAsync(tenant, hook.Id)).Single()!.AsObject();
            return delivery["status"]!.GetValue<string>() == "delivered";
        }, "delivery recorded as delivered");
        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal([500, 500, 200], attempts.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal([1, 2, 3], attempts.Select(a => a!["number"]!.GetValue<int>()));
        Assert.Equal("answer 500", attempts[0]!["responseBody"]!.GetValue<string>());
        var stats = (await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id))["stats"]!;
        Assert.Equal(1, stats["successCount"]!.GetValue<long>());
        Assert.Equal(2, stats["failureCount"]!.GetValue<long>());
        Assert.Null(stats["failingSince"]);
        await WebhookApi.WaitUntilAsync(async () =>
        {
            var metrics = await tenant.Http.GetStringAsync("/api/metrics");
            var lines = metrics.Split('\n').Where(l => l.StartsWith("serverlessevents_webhook_deliveries_total", StringComparison.Ordinal)).ToArray();
            return lines.Any(l => l.Contains("outcome=\"failed\"", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal))
                && lines.Any(l => l.Contains("outcome=\"delivered\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        }, "webhook attempts counted by outcome in /api/metrics");
    }
}
