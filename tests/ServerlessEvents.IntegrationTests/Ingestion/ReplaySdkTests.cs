using System.Net;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.IntegrationTests.Operations;
using ServerlessEvents.IntegrationTests.Webhooks;
using static ServerlessEvents.IntegrationTests.Ingestion.SdkEvents;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>A replayed webhook delivery is the original CloudEvent plus the replay extensions, as the CNCF SDK reads it.</summary>
[Collection(OperationsCollection.Name)]
public sealed class ReplaySdkTests(OperationsFixture pipeline)
{
    [Fact]
    public async Task Replayed_webhook_body_parses_with_the_sdk_into_the_original_event_plus_replayid_and_replaytarget()
    {
        using var tenant = await pipeline.CreateTenantAsync("rsdk");
        await using var receiver = await ScriptedReceiver.AlwaysAsync(200);
        var (subscription, _) = await WebhookApi.CreateAsync(tenant, receiver.Url("/sdk"), ["user.created"]);
        var sent = FullEvent("rsdk-" + Guid.NewGuid().ToString("N"));
        string replayId;
        using (pipeline.SubscribersConnected())
        {
            using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = sent.ToHttpContent(ContentMode.Structured, Formatter) })
            using (var posted = await tenant.Http.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }
            await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 1), "the original delivery");
            using var started = await tenant.Http.PostAsJsonAsync("/api/events/replay", new JsonObject
            {
                ["ids"] = new JsonArray(sent.Id),
                ["target"] = new JsonObject { ["kind"] = "webhook", ["subscriptionId"] = subscription },
            });
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            replayId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["replayId"]!.GetValue<string>();
            var outcomes = await pipeline.Host.DrainQueueAsync(pipeline.Host.Services.GetRequiredService<QueueServiceClient>(), QueueNames.ReplayJobs);
            Assert.All(outcomes, o => Assert.True(o.Succeeded));
        }
        await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 2), "the replayed delivery");

        var requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var (original, replayed) = (requests[0], requests[1]);
        AssertSameEvent(sent, Formatter.DecodeStructuredModeMessage(original.Body, new ContentType(original.Header("Content-Type")!), Extensions));
        sent["replayid"] = replayId;
        sent["replaytarget"] = "webhook:" + subscription;
        AssertSameEvent(sent, Formatter.DecodeStructuredModeMessage(replayed.Body, new ContentType(replayed.Header("Content-Type")!), Extensions));
    }
}
