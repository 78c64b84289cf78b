using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.IntegrationTests.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Api;

/// <summary>Every time the API reads (query or body) follows ingestion's rule: RFC 3339 with an offset, else 400 naming the parameter.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TimeParameterTests(PipelineFixture pipeline)
{
    public static TheoryData<string> Ambiguous => ["2026-01-31", "2026-01-31T12:00:00", "2026-01-31 12:00:00Z", "2026-01-31T12:00:00+0100", "2026-01-31T12:00:00+15:00", "31/01/2026", "yesterday"];

    [Theory]
    [MemberData(nameof(Ambiguous))]
    public async Task History_refuses_a_from_or_to_without_an_offset(string time)
    {
        using var tenant = await pipeline.CreateTenantAsync("time");

        await AssertRefusedAsync(await tenant.Http.GetAsync("/api/events?from=" + Uri.EscapeDataString(time)), "from");
        await AssertRefusedAsync(await tenant.Http.GetAsync("/api/events?to=" + Uri.EscapeDataString(time)), "to");
    }

    [Theory]
    [MemberData(nameof(Ambiguous))]
    public async Task Stats_refuse_a_from_or_to_without_an_offset(string time)
    {
        using var tenant = await pipeline.CreateTenantAsync("time");

        await AssertRefusedAsync(await tenant.Http.GetAsync("/api/events/stats?from=" + Uri.EscapeDataString(time)), "from");
        await AssertRefusedAsync(await tenant.Http.GetAsync("/api/events/stats?to=" + Uri.EscapeDataString(time)), "to");
    }

    [Theory]
    [InlineData("2026-01-31", "filter.from")]
    [InlineData("2026-01-31T12:00:00", "filter.to")]
    public async Task Replay_refuses_a_filter_time_without_an_offset(string time, string field)
    {
        using var tenant = await pipeline.CreateTenantAsync("time");
        var filter = new JsonObject { [field["filter.".Length..]] = time };

        await AssertRefusedAsync(await tenant.Http.PostAsJsonAsync("/api/events/replay", new JsonObject { ["filter"] = filter }), field);
    }

    [Fact]
    public async Task Webhook_delivery_list_undelivered_and_recover_refuse_times_without_an_offset()
    {
        using var tenant = await pipeline.CreateTenantAsync("time");
        var hook = await WebhookApi.CreateAsync(tenant, new Uri("https://hooks.example.com/t"), ["order.created"]);

        await AssertRefusedAsync(await tenant.Http.GetAsync($"/api/webhooks/{hook.Id}/deliveries?from=2026-01-31"), "from");
        await AssertRefusedAsync(await tenant.Http.GetAsync($"/api/webhooks/{hook.Id}/deliveries?to=2026-01-31T00:00:00"), "to");
        await AssertRefusedAsync(await tenant.Http.GetAsync("/api/webhooks/undelivered?since=2026-01-31"), "since");
        await AssertRefusedAsync(await tenant.Http.PostAsJsonAsync($"/api/webhooks/{hook.Id}/recover", new JsonObject { ["since"] = "2026-01-31T08:00:00" }), "since");
    }

    [Fact]
    public async Task Times_with_an_offset_are_read_as_the_same_instant()
    {
        using var tenant = await pipeline.CreateTenantAsync("time");
        var id = "tp-" + Guid.NewGuid().ToString("N");
        var cloudEvent = EventSamples.CloudEvent(id);
        cloudEvent["time"] = "2026-01-31T12:00:00Z";
        using (var posted = await tenant.Http.PostCloudEventAsync(cloudEvent))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        // 13:00+01:00 is 12:00Z, so [11:59:59Z, 13:00:00.5+01:00) holds the event and [12:00:01Z, ...) does not.
        var inside = await ListAsync(tenant, "2026-01-31T11:59:59Z", "2026-01-31T13:00:00.5+01:00");
        var outside = await ListAsync(tenant, "2026-01-31T07:00:01-05:00", "2026-01-31T13:00:00.5+01:00");

        Assert.Contains(inside, e => e!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain(outside, e => e!["id"]!.GetValue<string>() == id);
    }

    private static async Task<JsonArray> ListAsync(TenantClient tenant, string from, string to)
    {
        using var response = await tenant.Http.GetAsync($"/api/events?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {json}");
        return json!["items"]!.AsArray();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(body)!.AsObject();
            Assert.Equal(field, Assert.Single(problem["errors"]!.AsArray())!["field"]!.GetValue<string>());
            Assert.Contains("offset", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
