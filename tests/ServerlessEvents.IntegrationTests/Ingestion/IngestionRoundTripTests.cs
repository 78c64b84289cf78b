using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Ingestion;

[Collection(PipelineCollection.Name)]
public sealed class IngestionRoundTripTests(PipelineFixture pipeline)
{
    private static async Task<JsonObject> GetEventAsync(TenantClient tenant, string id)
    {
        using var response = await tenant.Http.GetAsync("/api/events/" + Uri.EscapeDataString(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Structured_cloud_event_is_accepted_stored_and_read_back_field_for_field()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var posted = EventSamples.CloudEvent("rt-structured", subject: "orders/1");
        posted["correlationid"] = "corr-1";
        posted["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        using var response = await tenant.Http.PostCloudEventAsync(posted);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rt-structured", body["id"]!.GetValue<string>());
        Assert.Equal("accepted", body["status"]!.GetValue<string>());
        Assert.Equal("/api/events/rt-structured", response.Headers.Location!.OriginalString);
        var stored = await GetEventAsync(tenant, "rt-structured");
        Assert.True(JsonNode.DeepEquals(posted, stored["event"]), $"stored {stored["event"]} differs from posted {posted}");
    }

    [Fact]
    public async Task Binary_mode_event_round_trips_with_headers_as_attributes()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var data = EventSamples.DataFor("user.created");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = EventSamples.Content(data.ToJsonString(), "application/json") };
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-id", "rt-binary");
        request.Headers.Add("ce-source", "/tests/users");
        request.Headers.Add("ce-type", "user.created");
        request.Headers.Add("ce-time", "2026-11-20T10:00:00Z");
        request.Headers.Add("ce-subject", "users/1");

        using var response = await tenant.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = (await GetEventAsync(tenant, "rt-binary"))["event"]!;
        Assert.Equal("user.created", stored["type"]!.GetValue<string>());
        Assert.Equal("/tests/users", stored["source"]!.GetValue<string>());
        Assert.Equal("users/1", stored["subject"]!.GetValue<string>());
        Assert.Equal("2026-11-20T10:00:00Z", stored["time"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(data, stored["data"]));
    }

    [Fact]
    public async Task Simple_envelope_normalises_with_generated_id_and_time_and_user_extensions()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var data = EventSamples.DataFor("order.shipped");
        var simple = new JsonObject { ["type"] = "order.shipped", ["data"] = data, ["userId"] = "u-42", ["correlationId"] = "c-42" };

        using var response = await tenant.Http.PostAsync("/api/events", EventSamples.Content(simple.ToJsonString(), "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(id));
        var stored = (await GetEventAsync(tenant, id))["event"]!;
        Assert.Equal("1.0", stored["specversion"]!.GetValue<string>());
        Assert.Equal("u-42", stored["userid"]!.GetValue<string>());
        Assert.Equal("c-42", stored["correlationid"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(stored["time"]!.GetValue<string>(), out _));
        Assert.True(JsonNode.DeepEquals(data, stored["data"]));
    }

    [Fact]
    public async Task Legacy_envelope_maps_to_cloud_event_attributes()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var payload = EventSamples.DataFor("product.low_stock");
        var legacy = new JsonObject
        {
            ["event_id"] = "rt-legacy", ["event_type"] = "product.low_stock", ["source"] = "/tests/inventory",
            ["timestamp"] = "2026-11-20T09:00:00Z", ["version"] = "1.0", ["payload"] = payload,
        };

        using var response = await tenant.Http.PostAsync("/api/events", EventSamples.Content(legacy.ToJsonString(), "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = (await GetEventAsync(tenant, "rt-legacy"))["event"]!;
        Assert.Equal("product.low_stock", stored["type"]!.GetValue<string>());
        Assert.Equal("/tests/inventory", stored["source"]!.GetValue<string>());
        Assert.Equal("2026-11-20T09:00:00Z", stored["time"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(payload, stored["data"]));
    }

    [Fact]
    public async Task Batch_content_type_round_trips_every_event()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var events = Enumerable.Range(0, 5).Select(i => EventSamples.CloudEvent($"rt-batch-{i}", data: EventSamples.OrderCreatedData($"o-{i}"))).ToArray();

        using var response = await tenant.Http.PostBatchAsync(events);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var posted in events)
        {
            var stored = await GetEventAsync(tenant, posted["id"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(posted, stored["event"]));
        }
    }

    [Fact]
    public async Task A_900_KB_event_is_split_across_properties_and_reassembled()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var data = EventSamples.OrderCreatedData("o-big");
        data["customerName"] = new string('x', 450_000) + "é" + new string('y', 450_000);
        var posted = EventSamples.CloudEvent("rt-large", data: data);

        using var response = await tenant.Http.PostCloudEventAsync(posted);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await GetEventAsync(tenant, "rt-large");
        Assert.True(JsonNode.DeepEquals(posted, stored["event"]));
        Assert.Contains(pipeline.EventGrid.Events, e => e["id"]!.GetValue<string>() == "rt-large" && e["tenantid"]!.GetValue<string>() == tenant.Tenant);
    }

    [Fact]
    public async Task Same_event_twice_is_a_duplicate_and_other_content_is_a_conflict()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var posted = EventSamples.CloudEvent("rt-dup");

        using var first = await tenant.Http.PostCloudEventAsync(posted);
        using var second = await tenant.Http.PostCloudEventAsync(posted);
        var changed = EventSamples.CloudEvent("rt-dup", data: EventSamples.OrderCreatedData(total: 99m));
        using var third = await tenant.Http.PostCloudEventAsync(changed);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("duplicate", (await second.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Published_event_carries_the_tenant_and_publication_status_is_reported()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("rt-published"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await GetEventAsync(tenant, "rt-published");
        Assert.Equal("published", stored["publication"]!["status"]!.GetValue<string>());
        var sent = Assert.Single(pipeline.EventGrid.Events, e => e["id"]!.GetValue<string>() == "rt-published" && e["tenantid"]!.GetValue<string>() == tenant.Tenant);
        Assert.Equal("order.created", sent["type"]!.GetValue<string>());
    }
}
