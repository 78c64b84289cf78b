using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Bench;

/// <summary>The end-to-end measurements a run makes.</summary>
public static class EndToEndRuns
{
    /// <summary>Ingest → Event Grid sink receipt, and ingest → signed webhook received at a loopback receiver.</summary>
    public static async Task<IReadOnlyList<EndToEndResult>> RunAsync(BenchEnvironment environment, string key, BenchSettings settings)
    {
        var toSink = await EndToEndScenario.RunAsync(environment, key, settings.EndToEndEvents, "ingest->event-grid-sink",
            arrived => EndToEndScenario.AttachSink(environment, arrived), "Publish runs on the request's fast path, before the 202.");
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(environment, key, receiver.Url);
        // Event Grid's part (topic → webhooks function) is the sink forwarding each event to the host's Event Grid
        // webhook for the `webhooks` function, as an AzureFunction subscription does.
        var toWebhook = await EndToEndScenario.RunAsync(environment, key, settings.EndToEndEvents, "ingest->webhook-received", arrived =>
        {
            receiver.Arrivals = arrived;
            environment.Sink.Forward = async batch =>
            {
                foreach (var e in batch)
                {
                    await EventGridInvoker.DeliverAsync(environment.Client, "webhooks", e);
                }
            };
            return new Detach(() => environment.Sink.Forward = null);
        }, "Ingest, publish to the loopback topic, webhooks function invoked through the host's Event Grid webhook, signed POST to a loopback Kestrel receiver (Webhooks:AllowLoopbackTargets=true).");
        return [toSink, toWebhook];
    }

    private static async Task SubscribeAsync(BenchEnvironment environment, string key, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks")
        {
            Content = JsonContent.Create(new JsonObject { ["url"] = url, ["eventTypes"] = new JsonArray("order.created") }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await environment.Client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the webhook subscription answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed class Detach(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
