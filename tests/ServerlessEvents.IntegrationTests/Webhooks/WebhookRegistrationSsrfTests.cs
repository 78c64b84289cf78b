using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(StrictWebhookCollection.Name)]
public sealed class WebhookRegistrationSsrfTests(StrictWebhookFixture pipeline)
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST./hook")]
    [InlineData("https://localhost./hook")]
    [InlineData("https://LocalHost:8443/hook")]
    [InlineData("https://api.LOCALHOST./hook")]
    [InlineData("https://127.0.0.1./hook")]
    [InlineData("https://10.20.30.40/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://example.com/hook")]
    public async Task Registration_refuses_non_public_or_plain_http_targets(string url)
    {
        using var tenant = await pipeline.CreateTenantAsync("ssrf");

        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", new JsonObject { ["url"] = url, ["eventTypes"] = new JsonArray("*") });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("url", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Empty((await WebhookApi.GetAsync(tenant, "/api/webhooks"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x0A)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    [InlineData(0x85)]
    public async Task Registration_refuses_a_url_containing_a_control_character(int codePoint)
    {
        using var tenant = await pipeline.CreateTenantAsync("ssrf");
        var url = $"https://hooks.example.com/a{(char)codePoint}b";

        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", new JsonObject { ["url"] = url, ["eventTypes"] = new JsonArray("*") });

        await AssertUrlRefusedAsync(response, "control character");
        Assert.Empty((await WebhookApi.GetAsync(tenant, "/api/webhooks"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("https://hooks.example.com/a\u0000b")]
    [InlineData("https://hooks.example.com/\u0009x")]
    [InlineData("https://LOCALHOST./hook")]
    [InlineData("https://localhost./hook")]
    public async Task Update_refuses_a_control_character_or_trailing_dot_localhost_and_keeps_the_old_url(string url)
    {
        using var tenant = await pipeline.CreateTenantAsync("ssrf");
        var hook = await WebhookApi.CreateAsync(tenant, new Uri("https://hooks.example.com/ok"), ["order.created"]);

        using var response = await tenant.Http.PatchAsJsonAsync($"/api/webhooks/{hook.Id}", new JsonObject { ["url"] = url });

        await AssertUrlRefusedAsync(response, "refused");
        var stored = await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id);
        Assert.Equal("https://hooks.example.com/ok", stored["url"]!.GetValue<string>());
    }

    private static async Task AssertUrlRefusedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("url", error["field"]!.GetValue<string>());
        Assert.Contains(detail, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StrictWebhookFixture.PrivateName)]
    [InlineData(StrictWebhookFixture.LoopbackName)]
    public async Task A_name_resolving_to_a_private_address_is_refused_at_delivery_without_connecting(string host)
    {
        using var tenant = await pipeline.CreateTenantAsync("ssrf");
        var hook = await WebhookApi.CreateAsync(tenant, new Uri($"https://{host}:{pipeline.Trap.Port}/hook"), ["order.created"]);

        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("ssrf-" + Guid.NewGuid().ToString("N")));

        JsonObject delivery = null!;
        await WebhookApi.WaitUntilAsync(async () =>
        {
            var items = await WebhookApi.DeliveriesAsync(tenant, hook.Id);
            delivery = items.Count == 1 ? items[0]!.AsObject() : null!;
            return delivery?["status"]?.GetValue<string>() == "failed";
        }, "refused delivery dead-lettered");
        var attempt = Assert.Single(delivery["attempts"]!.AsArray())!;
        Assert.Equal("refused", attempt["outcome"]!.GetValue<string>());
        Assert.Contains("refused", delivery["lastError"]!.GetValue<string>());
        Assert.Equal(0, pipeline.Trap.Accepted);
        var queue = pipeline.Azurite.QueueServiceClient.GetQueueClient("webhook-retries");
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
