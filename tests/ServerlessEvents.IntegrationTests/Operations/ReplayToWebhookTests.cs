using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.IntegrationTests.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

[Collection(OperationsCollection.Name)]
public sealed class ReplayToWebhookTests(OperationsFixture pipeline)
{
    [Fact]
    public async Task Replay_to_one_webhook_subscription_redelivers_only_there_once_and_reaches_100_percent()
    {
        using var tenant = await pipeline.CreateTenantAsync("rw");
        await using var receiverA = await ScriptedReceiver.AlwaysAsync(200);
        await using var receiverB = await ScriptedReceiver.AlwaysAsync(200);
        var (a, _) = await WebhookApi.CreateAsync(tenant, receiverA.Url("/a"), ["order.*"]);
        await WebhookApi.CreateAsync(tenant, receiverB.Url("/b"), ["order.*"]);
        var ids = Enumerable.Range(0, 5).Select(i => $"wr-{i}").ToArray();
        string replayId;
        using (pipeline.SubscribersConnected())
        {
            using (var posted = await tenant.Http.PostBatchAsync(ids.Select(id => EventSamples.CloudEvent(id))))
            {
                posted.EnsureSuccessStatusCode();
            }
            await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiverA.Requests.Count == 5 && receiverB.Requests.Count == 5), "the original deliveries");
            using var started = await tenant.Http.PostAsJsonAsync("/api/events/replay", new JsonObject
            {
                ["filter"] = new JsonObject { ["type"] = "order.created" },
                ["target"] = new JsonObject { ["kind"] = "webhook", ["subscriptionId"] = a },
            });
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            replayId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["replayId"]!.GetValue<string>();
            var outcomes = await pipeline.Host.DrainQueueAsync(pipeline.Host.Services.GetRequiredService<QueueServiceClient>(), QueueNames.ReplayJobs);
            Assert.All(outcomes, o => Assert.True(o.Succeeded));
        }

        await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiverA.Requests.Count >= 10), "the replayed deliveries");
        Assert.Equal(10, receiverA.Requests.Count);
        Assert.Equal(5, receiverB.Requests.Count);
        var progress = await WebhookApi.GetAsync(tenant, "/api/replays/" + replayId);
        Assert.Equal("completed", progress["status"]!.GetValue<string>());
        Assert.Equal(100, progress["percent"]!.GetValue<double>());
        Assert.Equal(a, progress["target"]!["subscriptionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replay_to_an_unknown_webhook_subscription_is_422()
    {
        using var tenant = await pipeline.CreateTenantAsync("rw");
        using var response = await tenant.Http.PostAsJsonAsync("/api/events/replay", new JsonObject
        {
            ["filter"] = new JsonObject(),
            ["target"] = new JsonObject { ["kind"] = "webhook", ["subscriptionId"] = "whk_" + Guid.NewGuid().ToString("N") },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
