using Microsoft.AspNetCore.Http;
using static ServerlessEvents.UnitTests.Ingestion.ReaderFixture;

namespace ServerlessEvents.UnitTests.Ingestion;

public class MalformedInputTests
{
    private const string Ce = "application/cloudevents+json";
    private const string Json = "application/json";
    private const string User = """ "data":{"userId":"u","email":"u@x.io"} """;
    private const string Head = """ "specversion":"1.0","source":"/s","type":"user.created", """ + User;

    private static string CloudEvent(string members) => "{" + Head + "," + members + "}";

    public static TheoryData<string, string?, string, bool, int, string> Cases() => new()
    {
        // name, content type, body, batch endpoint, status, field
        { "bad JSON", Ce, """{"specversion":"1.0",}""", false, 400, "body" },
        { "truncated JSON", Ce, """{"specversion":"1.0","id":"x""", false, 400, "body" },
        { "lone surrogate escape", Ce, CloudEvent("\"id\":\"\\ud800\""), false, 400, "body" },
        { "trailing garbage", Json, """{"type":"user.created"} {}""", false, 400, "body" },
        { "empty body", Ce, "", false, 400, "body" },
        { "whitespace body", Json, "  \n ", false, 400, "body" },
        { "top-level array at the single endpoint", Json, "[" + CloudEvent("\"id\":\"1\"") + "]", false, 400, "body" },
        { "top-level string", Json, "\"hello\"", false, 400, "body" },
        { "object at the batch endpoint", Json, CloudEvent("\"id\":\"1\""), true, 400, "body" },
        { "empty batch", "application/cloudevents-batch+json", "[]", true, 400, "body" },
        { "batch item not an object", "application/cloudevents-batch+json", "[42]", true, 400, "event" },
        { "wrong content type", "text/plain", CloudEvent("\"id\":\"1\""), false, 415, "Content-Type" },
        { "missing content type", null, CloudEvent("\"id\":\"1\""), false, 415, "Content-Type" },
        { "non-UTF-8 charset", "application/json; charset=iso-8859-1", CloudEvent("\"id\":\"1\""), false, 415, "Content-Type" },
        { "batch content type at the single endpoint", "application/cloudevents-batch+json", "[]", false, 415, "Content-Type" },
        { "missing id", Ce, "{" + Head + "}", false, 400, "id" },
        { "missing specversion", Ce, """{"id":"1","source":"/s","type":"user.created",""" + User + "}", false, 400, "specversion" },
        { "missing type", Ce, """{"specversion":"1.0","id":"1","source":"/s"}""", false, 400, "type" },
        { "missing type in simple envelope", Json, """{"data":{}}""", false, 400, "type" },
        { "numeric id", Ce, CloudEvent("\"id\":42"), false, 400, "id" },
        { "object source", Ce, """{"specversion":"1.0","id":"1","source":{},"type":"user.created",""" + User + "}", false, 400, "source" },
        { "numeric time", Ce, CloudEvent("\"id\":\"1\",\"time\":1714557600"), false, 400, "time" },
        { "unknown simple envelope member", Json, """{"type":"user.created","tenant":"x",""" + User + "}", false, 400, "tenant" },
        { "metadata not an object", Json, """{"type":"user.created","metadata":"x",""" + User + "}", false, 400, "metadata" },
        { "legacy payload with boolean version", Json, """{"event_type":"user.created","version":true,"payload":{"userId":"u","email":"u@x.io"}}""", false, 400, "version" },
        { "both data and data_base64", Ce, CloudEvent("\"id\":\"1\",\"data_base64\":\"AAE=\""), false, 400, "data_base64" },
        { "bad base64", Ce, """{"specversion":"1.0","id":"1","source":"/s","type":"system.error","data_base64":"***"}""", false, 400, "data_base64" },
        { "object-valued extension", Ce, CloudEvent("\"id\":\"1\",\"trace\":{\"a\":1}"), false, 400, "trace" },
        { "array-valued extension", Ce, CloudEvent("\"id\":\"1\",\"tags\":[1]"), false, 400, "tags" },
        { "null extension", Ce, CloudEvent("\"id\":\"1\",\"trace\":null"), false, 400, "trace" },
        { "wrong specversion", Ce, """{"specversion":"0.3","id":"1","source":"/s","type":"user.created",""" + User + "}", false, 422, "specversion" },
        { "empty id", Ce, CloudEvent("\"id\":\"\""), false, 422, "id" },
        { "control character in id", Ce, CloudEvent("\"id\":\"a\\u0007b\""), false, 422, "id" },
        { "id over 256 characters", Ce, CloudEvent($"\"id\":\"{new string('x', 257)}\""), false, 422, "id" },
        { "empty source", Json, """{"type":"user.created","source":"",""" + User + "}", false, 422, "source" },
        { "source not a URI-reference", Json, """{"type":"user.created","source":"my source",""" + User + "}", false, 422, "source" },
        { "empty type", Ce, """{"specversion":"1.0","id":"1","source":"/s","type":""}""", false, 422, "type" },
        { "time in words", Ce, CloudEvent("\"id\":\"1\",\"time\":\"yesterday\""), false, 422, "time" },
        { "month 13", Ce, CloudEvent("\"id\":\"1\",\"time\":\"2024-13-01T00:00:00Z\""), false, 422, "time" },
        { "time without offset", Ce, CloudEvent("\"id\":\"1\",\"time\":\"2024-05-01T00:00:00\""), false, 422, "time" },
        { "legacy timestamp as date only", Json, """{"event_type":"webhook.test","timestamp":"2024-05-01","payload":{"webhookId":"w"}}""", false, 422, "timestamp" },
        { "subject with control character", Ce, CloudEvent("\"id\":\"1\",\"subject\":\"a\\nb\""), false, 422, "subject" },
        { "subject over 1024 characters", Ce, CloudEvent($"\"id\":\"1\",\"subject\":\"{new string('s', 1025)}\""), false, 422, "subject" },
        { "unknown type", Ce, """{"specversion":"1.0","id":"1","source":"/s","type":"order.exploded","data":{}}""", false, 422, "type" },
        { "reserved tenantid extension", Ce, CloudEvent("\"id\":\"1\",\"tenantid\":\"other\""), false, 422, "tenantid" },
        { "reserved replayid extension", Ce, CloudEvent("\"id\":\"1\",\"replayid\":\"r\""), false, 422, "replayid" },
        { "upper-case extension name", Ce, CloudEvent("\"id\":\"1\",\"traceId\":\"t\""), false, 422, "traceId" },
        { "extension name over 20 characters", Ce, CloudEvent("\"id\":\"1\",\"abcdefghijklmnopqrstu\":\"t\""), false, 422, "abcdefghijklmnopqrstu" },
        { "data failing the schema", Ce, """{"specversion":"1.0","id":"1","source":"/s","type":"user.created","data":{"userId":"u","email":"nope"}}""", false, 422, "data.email" },
        { "data missing for a type that needs it", Ce, """{"specversion":"1.0","id":"1","source":"/s","type":"user.created"}""", false, 422, "data" },
        { "dataschema not a URI", Ce, CloudEvent("\"id\":\"1\",\"dataschema\":\"not a uri\""), false, 422, "dataschema" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_input_is_refused_with_the_right_status_and_field(string name, string? contentType, string body, bool batch, int status, string field)
    {
        var (actualStatus, errors) = Failure(contentType, body, batch);
        Assert.True(status == actualStatus, $"{name}: expected {status}, got {actualStatus} ({Describe(errors)})");
        Assert.True(errors.Any(e => e.Field == field), $"{name}: expected an error on '{field}', got {Describe(errors)}");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public void Body_with_invalid_utf8_inside_a_string_is_a_400_on_body(byte[] invalid)
    {
        var json = System.Text.Encoding.UTF8.GetBytes(CloudEvent("\"id\":\"1\",\"subject\":\"@\""));
        var at = Array.IndexOf(json, (byte)'@');
        byte[] body = [.. json[..at], .. invalid, .. json[(at + 1)..]];

        var problem = Assert.Throws<ServerlessEvents.Functions.Hosting.ApiProblemException>(() => Reader().Read(Ce, new HeaderDictionary(), body, false));

        Assert.Equal(400, problem.Status);
        Assert.Equal("body", Assert.Single(problem.Errors).Field);
    }

    [Fact]
    public void Bad_json_errors_say_where_the_problem_is()
    {
        var (_, errors) = Failure(Json, "{\n  \"type\": \"user.created\",\n  \"data\": {,}\n}");
        Assert.Contains("line 3", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_over_the_limit_is_refused_whole_with_413()
    {
        var item = CloudEvent("\"id\":\"1\"");
        var (status, errors) = Failure("application/cloudevents-batch+json", "[" + string.Join(",", Enumerable.Repeat(item, 501)) + "]", batch: true);
        Assert.Equal(413, status);
        Assert.Contains("501", Assert.Single(errors).Message, StringComparison.Ordinal);
        Assert.Equal(500, Read("application/cloudevents-batch+json", "[" + string.Join(",", Enumerable.Repeat(item, 500)) + "]", batch: true).Count);
    }

    [Fact]
    public void One_item_collects_every_attribute_error()
    {
        var (status, errors) = Failure(Ce, """{"specversion":"1.0","id":"","source":"a b","type":"user.created","time":"noon","Bad":1,"data":{"userId":"u","email":"u@x.io"}}""");
        Assert.Equal(422, status);
        Assert.Equal(["Bad", "id", "source", "time"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Binary_mode_is_refused_at_the_batch_endpoint_and_needs_its_required_headers()
    {
        var headers = new HeaderDictionary { ["ce-specversion"] = "1.0", ["ce-type"] = "user.created" };
        Assert.Equal(400, Failure(Json, "{}", batch: true, headers: headers).Status);
        var (status, errors) = Failure(Json, """{"userId":"u","email":"u@x.io"}""", headers: headers);
        Assert.Equal(400, status);
        Assert.Equal(["ce-id", "ce-source"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Binary_mode_with_unparseable_json_body_is_a_400_on_the_body()
    {
        var headers = new HeaderDictionary { ["ce-specversion"] = "1.0", ["ce-id"] = "1", ["ce-source"] = "/s", ["ce-type"] = "user.created" };
        var (status, errors) = Failure("application/json", "{oops", headers: headers);
        Assert.Equal((400, "body"), (status, Assert.Single(errors).Field));
    }

    private static string Describe(IEnumerable<ServerlessEvents.Functions.Hosting.FieldError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
