using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookRotationTests(WebhookPipelineFixture pipeline)
{
    // The second delivery is sent under a clock shifted by a day, beyond the package's real-clock tolerance.
    private bool VerifiesAtPipelineTime(ReceivedRequest request, string secret) => ReceiverVerification.VerifiesAt(request, secret, pipeline.Clock);

    [Fact]
    public async Task Deliveries_verify_with_either_secret_during_the_overlap_and_with_the_new_one_only_after_it()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var receiver = await ScriptedReceiver.AlwaysAsync(200);
        var hook = await WebhookApi.CreateAsync(tenant, receiver.Url("/rotating"), ["order.created"]);
        using var rotate = await tenant.Http.PostAsync($"/api/webhooks/{hook.Id}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var newSecret = (await rotate.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        Assert.NotEqual(hook.Secret, newSecret);
        Assert.StartsWith("whsec_", newSecret);
        try
        {
            await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-rot-1-" + Guid.NewGuid().ToString("N")));
            await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count == 1), "delivery during the overlap");
            var during = receiver.Requests.Single();
            Assert.True(ReceiverVerification.Verifies(during, hook.Secret), "the old secret verifies during the overlap");
            Assert.True(ReceiverVerification.Verifies(during, newSecret), "the new secret verifies during the overlap");
            Assert.Equal(2, during.Header("webhook-signature")!.Split(' ').Length);

            pipeline.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
            await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("wh-rot-2-" + Guid.NewGuid().ToString("N")));
            await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count == 2), "delivery after the overlap");
            var after = receiver.Requests.Last();
            Assert.False(VerifiesAtPipelineTime(after, hook.Secret), "the old secret no longer verifies");
            Assert.True(VerifiesAtPipelineTime(after, newSecret), "the new secret verifies");
            Assert.Single(after.Header("webhook-signature")!.Split(' '));
        }
        finally
        {
            pipeline.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task The_test_endpoint_sends_webhook_test_to_that_subscription_only()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        await using var target = await ScriptedReceiver.AlwaysAsync(200);
        await using var bystander = await ScriptedReceiver.AlwaysAsync(200);
        var hook = await WebhookApi.CreateAsync(tenant, target.Url("/t"), ["order.created"]);
        await WebhookApi.CreateAsync(tenant, bystander.Url("/b"), ["*"]);

        using var response = await tenant.Http.PostAsync($"/api/webhooks/{hook.Id}/test", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WebhookApi.WaitUntilAsync(() => Task.FromResult(target.Requests.Count == 1), "test delivery");
        var request = target.Requests.Single();
        Assert.Equal("webhook.test", request.Header("X-Event-Type"));
        Assert.Equal(hook.Id, JsonNode.Parse(request.Body)!["data"]!["webhookId"]!.GetValue<string>());
        Assert.Empty(bystander.Requests);
    }
}
