using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Http;
using ServerlessEvents.Testing;
using static ServerlessEvents.IntegrationTests.Ingestion.SdkEvents;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>
/// The CNCF CloudEvents SDK (CloudNative.CloudEvents 2.9) is the client: it formats what is posted and parses what is
/// read back from <c>GET /api/events/{id}</c>, and every attribute is compared by its formatted value.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CloudEventsSdkConformanceTests(PipelineFixture pipeline)
{
    /// <summary>The stored event as <c>GET /api/events/{id}</c> returns it.</summary>
    private static async Task<JsonElement> StoredJsonAsync(TenantClient tenant, string id)
    {
        using var response = await tenant.Http.GetAsync("/api/events/" + Uri.EscapeDataString(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event");
    }

    private static async Task<CloudEvent> ReadBackAsync(TenantClient tenant, string id) =>
        Formatter.ConvertFromJsonElement(await StoredJsonAsync(tenant, id), Extensions);

    private static async Task<HttpResponseMessage> PostAsync(TenantClient tenant, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        return await tenant.Http.SendAsync(request);
    }

    [Fact]
    public async Task Structured_mode_event_with_every_attribute_type_reads_back_equal_through_the_sdk()
    {
        using var tenant = await pipeline.CreateTenantAsync("sdk");
        var sent = FullEvent("sdk-structured");

        using var response = await PostAsync(tenant, "/api/events", sent.ToHttpContent(ContentMode.Structured, Formatter));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertSameEvent(sent, await ReadBackAsync(tenant, "sdk-structured"));
    }

    [Fact]
    public async Task Structured_mode_stores_integer_and_boolean_extensions_as_json_numbers_and_booleans()
    {
        using var tenant = await pipeline.CreateTenantAsync("sdk");
        var sent = FullEvent("sdk-untyped");

        using var response = await PostAsync(tenant, "/api/events", sent.ToHttpContent(ContentMode.Structured, Formatter));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await StoredJsonAsync(tenant, "sdk-untyped");
        Assert.Equal((JsonValueKind.Number, -2147483648), (stored.GetProperty("count").ValueKind, stored.GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.True, stored.GetProperty("urgent").ValueKind);
        Assert.Equal(Convert.ToBase64String([0, 1, 2, 250, 255]), stored.GetProperty("digest").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", stored.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Binary_mode_event_with_every_attribute_type_reads_back_equal_through_the_sdk()
    {
        using var tenant = await pipeline.CreateTenantAsync("sdk");
        var sent = FullEvent("sdk-binary");

        using var response = await PostAsync(tenant, "/api/events", sent.ToHttpContent(ContentMode.Binary, Formatter));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertSameEvent(sent, await ReadBackAsync(tenant, "sdk-binary"));
    }

    [Fact]
    public async Task Binary_mode_without_content_type_is_stored_as_json_data_without_datacontenttype()
    {
        using var tenant = await pipeline.CreateTenantAsync("sdk");
        var sent = FullEvent("sdk-binary-untyped", withDataContentType: false);
        var content = sent.ToHttpContent(ContentMode.Binary, Formatter);
        // Whatever the SDK infers, the case under test is a request with no Content-Type at all.
        content.Headers.ContentType = null;

        using var response = await PostAsync(tenant, "/api/events", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await StoredJsonAsync(tenant, "sdk-binary-untyped");
        Assert.False(stored.TryGetProperty("datacontenttype", out _), $"stored {stored}");
        var received = Formatter.ConvertFromJsonElement(stored, Extensions);
        // Reading JSON data with no datacontenttype, the SDK fills in the JSON format's default.
        Assert.Equal("application/json", received.DataContentType);
        sent.DataContentType = "application/json";
        AssertSameEvent(sent, received);
    }

    [Fact]
    public async Task Batch_mode_events_from_the_sdk_formatter_each_read_back_equal()
    {
        using var tenant = await pipeline.CreateTenantAsync("sdk");
        var sent = Enumerable.Range(0, 3).Select(i => FullEvent($"sdk-batch-{i}", withDataContentType: i != 2)).ToArray();
        var body = Formatter.EncodeBatchModeMessage(sent, out var contentType);
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType.ToString());
        Assert.Equal("application/cloudevents-batch+json", content.Headers.ContentType.MediaType);

        using var response = await PostAsync(tenant, "/api/events/batch", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The SDK writes the datacontenttype it infers (application/json) when none is set: expect what it reads from its own batch.
        foreach (var e in Formatter.DecodeBatchModeMessage(body, contentType, Extensions))
        {
            AssertSameEvent(e, await ReadBackAsync(tenant, e.Id!));
        }
    }

    [Theory]
    [InlineData(ContentMode.Structured, "text/plain", false)]
    [InlineData(ContentMode.Binary, "text/plain", false)]
    [InlineData(ContentMode.Structured, "application/octet-stream", true)]
    [InlineData(ContentMode.Binary, "application/octet-stream", true)]
    public async Task Text_and_binary_data_are_read_but_refused_on_data_because_every_catalog_type_carries_a_json_object(ContentMode mode, string mediaType, bool bytes)
    {
        using var tenant = await pipeline.CreateTenantAsync("sdk");
        var sent = FullEvent($"sdk-{mode}-{(bytes ? "bytes" : "text")}");
        sent.DataContentType = mediaType;
        sent.Data = bytes ? new byte[] { 0, 1, 2, 250, 255 } : "plain text, not JSON";
        if (mode == ContentMode.Structured)
        {
            // The JSON format carries bytes as data_base64 and text as a JSON string.
            var json = JsonNode.Parse(Formatter.EncodeStructuredModeMessage(sent, out _).ToArray())!.AsObject();
            Assert.Equal(bytes, json.ContainsKey("data_base64"));
        }

        using var response = await PostAsync(tenant, "/api/events", sent.ToHttpContent(mode, Formatter));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("data", error!["field"]!.GetValue<string>());
        using var stored = await tenant.Http.GetAsync("/api/events/" + sent.Id);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }
}
