using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookApiTests(WebhookPipelineFixture pipeline)
{
    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body!;
    }

    private static string[] Fields(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Creation_returns_the_secret_once_and_reads_never_show_it()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        var body = new JsonObject { ["url"] = "http://127.0.0.1:9/hook", ["eventTypes"] = new JsonArray("order.*"), ["description"] = "orders" };

        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("/api/webhooks/" + id, response.Headers.Location!.OriginalString);
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        var read = await WebhookApi.GetAsync(tenant, "/api/webhooks/" + id);
        var list = await WebhookApi.GetAsync(tenant, "/api/webhooks");
        Assert.DoesNotContain(secret["whsec_".Length..], read.ToJsonString());
        Assert.DoesNotContain(secret["whsec_".Length..], list.ToJsonString());
        Assert.Null(read["secret"]);
        Assert.Equal("orders", read["description"]!.GetValue<string>());
        Assert.True(read["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invalid_subscriptions_are_refused_with_field_errors()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        var body = new JsonObject
        {
            ["url"] = "ftp://example.com/x",
            ["eventTypes"] = new JsonArray("order.created", "nope.*", "no.such.type"),
            ["filter"] = new JsonArray(new JsonObject { ["path"] = "data..x", ["equals"] = 1 }, new JsonObject { ["path"] = "subject", ["equals"] = new JsonObject() }),
            ["colour"] = "red",
        };

        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", body);

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["colour", "url", "eventTypes[1]", "eventTypes[2]", "filter[0].path", "filter[1].equals"], Fields(problem));
        using var notJson = await tenant.Http.PostAsync("/api/webhooks", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAsync(notJson, HttpStatusCode.BadRequest);
        using var missing = await tenant.Http.PostAsJsonAsync("/api/webhooks", new JsonObject());
        Assert.Equal(["url", "eventTypes"], Fields(await ProblemAsync(missing, HttpStatusCode.UnprocessableEntity)));
    }

    [Fact]
    public async Task Patch_changes_fields_and_revalidates_the_url()
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        var hook = await WebhookApi.CreateAsync(tenant, new Uri("http://127.0.0.1:9/a"), ["order.created"]);

        using var refused = await tenant.Http.PatchAsJsonAsync($"/api/webhooks/{hook.Id}", new JsonObject { ["url"] = "https://10.1.2.3/a" });
        Assert.Equal(["url"], Fields(await ProblemAsync(refused, HttpStatusCode.UnprocessableEntity)));
        using var patched = await tenant.Http.PatchAsJsonAsync($"/api/webhooks/{hook.Id}", new JsonObject
        {
            ["eventTypes"] = new JsonArray("user.*"), ["enabled"] = false,
            ["filter"] = new JsonArray(new JsonObject { ["path"] = "subject", ["equals"] = "x" }),
        });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var read = await WebhookApi.GetAsync(tenant, "/api/webhooks/" + hook.Id);
        Assert.Equal("http://127.0.0.1:9/a", read["url"]!.GetValue<string>());
        Assert.Equal("user.*", read["eventTypes"]![0]!.GetValue<string>());
        Assert.False(read["enabled"]!.GetValue<bool>());
        Assert.Equal("subject", read["filter"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_tenants_webhook_is_not_found_and_delete_removes_it()
    {
        using var owner = await pipeline.CreateTenantAsync("wh");
        using var other = await pipeline.CreateTenantAsync("wh");
        var hook = await WebhookApi.CreateAsync(owner, new Uri("http://127.0.0.1:9/a"), ["order.created"]);

        using var get = await other.Http.GetAsync("/api/webhooks/" + hook.Id);
        using var patch = await other.Http.PatchAsJsonAsync("/api/webhooks/" + hook.Id, new JsonObject { ["enabled"] = false });
        using var rotate = await other.Http.PostAsync($"/api/webhooks/{hook.Id}/rotate-secret", null);
        using var deliveries = await other.Http.GetAsync($"/api/webhooks/{hook.Id}/deliveries");
        using var delete = await other.Http.DeleteAsync("/api/webhooks/" + hook.Id);
        Assert.All([get, patch, rotate, deliveries, delete], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Empty((await WebhookApi.GetAsync(other, "/api/webhooks"))["items"]!.AsArray());
        using var unauthenticated = await pipeline.Host.Client.GetAsync("/api/webhooks");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        using var deleted = await owner.Http.DeleteAsync("/api/webhooks/" + hook.Id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await owner.Http.GetAsync("/api/webhooks/" + hook.Id);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://user:pw@example.com/hook")]
    public async Task Private_targets_stay_refused_even_with_loopback_allowed(string url)
    {
        using var tenant = await pipeline.CreateTenantAsync("wh");
        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", new JsonObject { ["url"] = url, ["eventTypes"] = new JsonArray("*") });
        Assert.Equal(["url"], Fields(await ProblemAsync(response, HttpStatusCode.UnprocessableEntity)));
    }
}
