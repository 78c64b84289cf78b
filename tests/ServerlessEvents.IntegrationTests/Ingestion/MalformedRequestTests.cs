using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>Every malformed request gets a 4xx problem+json naming what is wrong, and nothing is stored or published.</summary>
[Collection(PipelineCollection.Name)]
public sealed class MalformedRequestTests(PipelineFixture pipeline)
{
    private const string Ce = "application/cloudevents+json";
    private const string Batch = "application/cloudevents-batch+json";
    private const string Json = "application/json";

    private static string Event(Action<JsonObject> change)
    {
        var e = EventSamples.CloudEvent("bad-1");
        change(e);
        return e.ToJsonString();
    }

    public static TheoryData<string, string, string, int> Cases() => new()
    {
        { "bad JSON", "{\"specversion\":\"1.0\",", Ce, 400 },
        { "not JSON at all", "hello", Ce, 400 },
        // The host forwards no body (and so no content headers) when Content-Length is 0: the handler sees no content type.
        { "empty body", "", Ce, 415 },
        { "JSON null", "null", Ce, 400 },
        { "array at the single endpoint", "[]", Ce, 400 },
        { "string at the top", "\"event\"", Json, 400 },
        { "number id", Event(e => e["id"] = 42), Ce, 400 },
        { "missing id", Event(e => e.Remove("id")), Ce, 400 },
        { "missing source", Event(e => e.Remove("source")), Ce, 400 },
        { "missing type", Event(e => e.Remove("type")), Ce, 400 },
        { "missing specversion", Event(e => e.Remove("specversion")), Ce, 400 },
        { "specversion 0.3", Event(e => e["specversion"] = "0.3"), Ce, 422 },
        { "empty id", Event(e => e["id"] = ""), Ce, 422 },
        { "control characters in the id", Event(e => e["id"] = "abc\u0001def"), Ce, 422 },
        { "newline in the id", Event(e => e["id"] = "abc\ndef"), Ce, 422 },
        { "bad time", Event(e => e["time"] = "yesterday"), Ce, 422 },
        { "impossible month", Event(e => e["time"] = "2024-13-01T00:00:00Z"), Ce, 422 },
        { "time without offset", Event(e => e["time"] = "2024-01-01T00:00:00"), Ce, 422 },
        { "unknown type", Event(e => e["type"] = "order.teleported"), Ce, 422 },
        { "data missing a required member", Event(e => e["data"]!.AsObject().Remove("orderId")), Ce, 422 },
        { "data with a wrong type", Event(e => e["data"]!["total"] = "lots"), Ce, 422 },
        { "data with an unknown member", Event(e => e["data"]!["hack"] = true), Ce, 422 },
        { "data not an object", Event(e => e["data"] = 5), Ce, 422 },
        { "reserved tenant extension", Event(e => e["tenantid"] = "someone-else"), Ce, 422 },
        { "reserved replay extension", Event(e => e["replayid"] = "r1"), Ce, 422 },
        { "extension with a bad name", Event(e => e["Bad-Name"] = "x"), Ce, 422 },
        { "object-valued extension", Event(e => e["myext"] = new JsonObject { ["a"] = 1 }), Ce, 400 },
        { "data and data_base64 together", Event(e => e["data_base64"] = "aGk="), Ce, 400 },
        { "wrong content type", Event(_ => { }), "text/plain", 415 },
        { "xml content type", "<event/>", "application/xml", 415 },
        { "batch content type at the single endpoint", "[" + Event(_ => { }) + "]", Batch, 415 },
        { "source that is not a URI reference", Event(e => e["source"] = "not a uri ^^"), Ce, 422 },
        { "simple envelope without type", "{\"data\":{}}", Json, 400 },
        { "legacy envelope with a number type", "{\"event_id\":\"1\",\"event_type\":5,\"source\":\"/x\",\"payload\":{}}", Json, 400 },
        { "deeply nested data", "{\"specversion\":\"1.0\",\"id\":\"d\",\"source\":\"/x\",\"type\":\"order.created\",\"data\":" + new string('[', 10_000) + new string(']', 10_000) + "}", Ce, 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_request_gets_a_problem_and_stores_nothing(string name, string body, string contentType, int expectedStatus)
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        var publishedBefore = pipeline.EventGrid.Events.Count;

        using var response = await tenant.Http.PostAsync("/api/events", EventSamples.Content(body, contentType));

        Assert.True(expectedStatus == (int)response.StatusCode, $"{name}: expected {expectedStatus}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(expectedStatus, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.ToString() ?? problem["title"]?.ToString()));
        using var list = await tenant.Http.GetAsync("/api/events");
        Assert.Equal(0, (await list.Content.ReadFromJsonAsync<JsonObject>())!["count"]!.GetValue<int>());
        Assert.DoesNotContain(pipeline.EventGrid.Events.Skip(publishedBefore), e => e["tenantid"]?.ToString() == tenant.Tenant);
    }

    [Fact]
    public async Task Field_errors_name_each_invalid_field()
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        var body = Event(e => { e["time"] = "nope"; e["data"]!["total"] = "lots"; e["data"]!.AsObject().Remove("orderId"); });

        using var response = await tenant.Http.PostAsync("/api/events", EventSamples.Content(body, Ce));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToArray();
        Assert.Contains("time", fields);
        Assert.Contains("data.total", fields);
        Assert.Contains("data.orderId", fields);
    }

    [Fact]
    public async Task Unknown_type_is_422_and_names_the_known_types()
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("u-1", type: "order.teleported"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var known = (await response.Content.ReadFromJsonAsync<JsonObject>())!["knownTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        Assert.Contains("order.created", known);
        Assert.Contains("system.error", known);
    }

    [Fact]
    public async Task Oversize_body_is_413_before_anything_is_read()
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        var huge = Event(e => e["data"]!["customerName"] = new string('x', 1_200_000));

        using var response = await tenant.Http.PostAsync("/api/events", EventSamples.Content(huge, Ce));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_client_error()
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        var bytes = Encoding.UTF8.GetBytes(Event(e => e["subject"] = "AAAA")).ToArray();
        var index = Array.IndexOf(bytes, (byte)'A');
        bytes[index] = 0xC3;
        bytes[index + 1] = 0x28;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(Ce);

        using var response = await tenant.Http.PostAsync("/api/events", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }
}
