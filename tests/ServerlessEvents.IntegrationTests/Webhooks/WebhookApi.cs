using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>Calls of the webhook API and the waits the tests need (polling with bounded timeouts, never fixed sleeps).</summary>
internal static class WebhookApi
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<(string Id, string Secret)> CreateAsync(TenantClient tenant, Uri url, string[] eventTypes, JsonArray? filter = null)
    {
        var body = new JsonObject { ["url"] = url.ToString(), ["eventTypes"] = new JsonArray(eventTypes.Select(t => (JsonNode?)t).ToArray()) };
        if (filter is not null)
        {
            body["filter"] = filter;
        }
        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", body);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {json}");
        ServerlessEvents.Testing.Logs.LogCanaries.Register("a webhook secret", json!["secret"]!.GetValue<string>());
        return (json["id"]!.GetValue<string>(), json["secret"]!.GetValue<string>());
    }

    public static async Task<JsonObject> GetAsync(TenantClient tenant, string path)
    {
        using var response = await tenant.Http.GetAsync(path);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}: {json}");
        return json!;
    }

    public static async Task<JsonArray> DeliveriesAsync(TenantClient tenant, string id, string query = "") =>
        (await GetAsync(tenant, $"/api/webhooks/{id}/deliveries{query}"))["items"]!.AsArray();

    public static async Task IngestAsync(TenantClient tenant, JsonObject cloudEvent)
    {
        using var response = await tenant.Http.PostCloudEventAsync(cloudEvent);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Polls until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Runs the retry queue through the webhookRetry function (as the host would) until <paramref name="condition"/> holds.</summary>
    public static Task DrainRetriesUntilAsync(PipelineFixture pipeline, Func<Task<bool>> condition, string what) =>
        WaitUntilAsync(async () =>
        {
            var outcomes = await pipeline.Host.DrainQueueAsync(pipeline.Azurite.QueueServiceClient, "webhook-retries");
            Assert.All(outcomes, o => Assert.True(o.Succeeded, "a webhookRetry invocation failed"));
            return await condition();
        }, what);
}
