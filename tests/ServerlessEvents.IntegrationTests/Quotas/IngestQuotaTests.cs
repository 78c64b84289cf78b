using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Quotas;

[Collection(QuotaCollection.Name)]
public sealed class IngestQuotaTests(QuotaFixture pipeline)
{
    private static JsonObject Event() => EventSamples.CloudEvent("q-" + Guid.NewGuid().ToString("N"));

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string tenant, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, $"/api/management/tenants/{tenant}/quota") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PipelineFixture.AdminKey);
        return await pipeline.Host.Client.SendAsync(request);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 and <= 100, $"Retry-After {seconds}");
        Assert.Equal(429, JsonNode.Parse(body)!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Events_beyond_the_burst_are_refused_with_429_and_Retry_After_and_not_stored()
    {
        using var tenant = await pipeline.CreateTenantAsync("quota");
        for (var i = 0; i < QuotaFixture.Burst; i++)
        {
            using var accepted = await tenant.Http.PostCloudEventAsync(Event());
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        var refused = Event();

        using var response = await tenant.Http.PostCloudEventAsync(refused);

        await AssertTooManyAsync(response);
        using var lookup = await tenant.Http.GetAsync("/api/events?limit=100");
        var items = (await lookup.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        Assert.Equal(QuotaFixture.Burst, items.Count);
        Assert.DoesNotContain(items, e => e!["id"]!.GetValue<string>() == refused["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_takes_one_token_per_event_and_the_bucket_refills_with_time()
    {
        using var tenant = await pipeline.CreateTenantAsync("quota");
        using (var first = await tenant.Http.PostBatchAsync([Event(), Event(), Event()]))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await tenant.Http.PostBatchAsync([Event(), Event(), Event()]))
        {
            await AssertTooManyAsync(second);
        }
        using (var fits = await tenant.Http.PostBatchAsync([Event(), Event()]))
        {
            Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        }
        using (var empty = await tenant.Http.PostCloudEventAsync(Event()))
        {
            await AssertTooManyAsync(empty);
        }

        pipeline.Clock.Offset += TimeSpan.FromSeconds(300); // 0.01/s: three tokens
        using var refilled = await tenant.Http.PostBatchAsync([Event(), Event(), Event()]);
        Assert.Equal(HttpStatusCode.OK, refilled.StatusCode);
    }

    [Fact]
    public async Task A_batch_larger_than_the_burst_is_413_since_no_wait_would_help()
    {
        using var tenant = await pipeline.CreateTenantAsync("quota");

        using var response = await tenant.Http.PostBatchAsync(Enumerable.Range(0, QuotaFixture.Burst + 1).Select(_ => Event()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("events", problem["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_admin_override_applies_at_once_and_delete_returns_to_the_defaults()
    {
        using var tenant = await pipeline.CreateTenantAsync("quota");

        using (var put = await AdminAsync(HttpMethod.Put, tenant.Tenant, new JsonObject { ["eventsPerSecond"] = 0.01, ["burst"] = 20 }))
        {
            var body = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("override", body["source"]!.GetValue<string>());
            Assert.Equal(20, body["burst"]!.GetValue<int>());
        }
        using (var big = await tenant.Http.PostBatchAsync(Enumerable.Range(0, 20).Select(_ => Event())))
        {
            Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        }
        using (var over = await tenant.Http.PostCloudEventAsync(Event()))
        {
            await AssertTooManyAsync(over);
        }

        using (var delete = await AdminAsync(HttpMethod.Delete, tenant.Tenant))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using var get = await AdminAsync(HttpMethod.Get, tenant.Tenant);
        var current = (await get.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("default", current["source"]!.GetValue<string>());
        Assert.Equal(QuotaFixture.Burst, current["burst"]!.GetValue<int>());
        using var tooBig = await tenant.Http.PostBatchAsync(Enumerable.Range(0, QuotaFixture.Burst + 1).Select(_ => Event()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    [Fact]
    public async Task A_tenant_cannot_read_or_change_its_own_quota()
    {
        using var tenant = await pipeline.CreateTenantAsync("quota");

        using var put = await tenant.Http.PutAsJsonAsync($"/api/management/tenants/{tenant.Tenant}/quota", new JsonObject { ["eventsPerSecond"] = 1000, ["burst"] = 1000 });
        using var get = await tenant.Http.GetAsync($"/api/management/tenants/{tenant.Tenant}/quota");

        Assert.Contains(put.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Contains(get.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        using var admin = await AdminAsync(HttpMethod.Get, tenant.Tenant);
        Assert.Equal("default", (await admin.Content.ReadFromJsonAsync<JsonObject>())!["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"eventsPerSecond\": 0, \"burst\": 10}", "eventsPerSecond")]
    [InlineData("{\"eventsPerSecond\": 5, \"burst\": 2.5}", "burst")]
    [InlineData("{\"eventsPerSecond\": \"5\", \"burst\": 10}", "eventsPerSecond")]
    [InlineData("{\"eventsPerSecond\": 5}", "burst")]
    [InlineData("{\"eventsPerSecond\": 5, \"burst\": 10, \"tenant\": \"x\"}", "tenant")]
    public async Task An_invalid_quota_is_422_naming_the_field(string json, string field)
    {
        using var tenant = await pipeline.CreateTenantAsync("quota");

        using var response = await AdminAsync(HttpMethod.Put, tenant.Tenant, JsonNode.Parse(json)!.AsObject());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
    }
}
