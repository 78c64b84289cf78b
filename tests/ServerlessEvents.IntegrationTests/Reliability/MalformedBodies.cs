using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Malformed request bodies: random bytes, truncated JSON, deep nesting, huge strings, invalid UTF-8, wrong types.</summary>
public static class MalformedBodies
{
    private static readonly string[] ContentTypes = ["application/json", "application/cloudevents+json", "application/cloudevents-batch+json", "text/plain", "application/octet-stream"];
    private static readonly JsonNode?[] WrongValues = [JsonValue.Create(123), JsonValue.Create(true), null, new JsonArray(), new JsonObject(), JsonValue.Create(-1.5e300)];

    /// <summary>Bodies with their content type; <paramref name="batch"/> wraps events in an array.</summary>
    public static IEnumerable<(string Name, byte[] Body, string? ContentType)> All(bool batch)
    {
        var random = new Random(20261123);
        foreach (var size in new[] { 1, 17, 300, 4096, 65_536, 900_000 })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            yield return ($"random {size} bytes", bytes, ContentTypes[size % ContentTypes.Length]);
        }
        var valid = Wrap(EventSamples.CloudEvent("bad-input-valid"), batch);
        foreach (var cut in new[] { 1, 2, 10, 37, 80, 150, valid.Length / 2, valid.Length - 1 })
        {
            yield return ($"truncated at {cut}", Encoding.UTF8.GetBytes(valid[..Math.Min(cut, valid.Length - 1)]), "application/cloudevents+json");
        }
        yield return ("arrays nested 10,000 deep", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "application/json");
        yield return ("objects nested 10,000 deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), "application/cloudevents+json");
        yield return ("data nested 10,000 deep", Encoding.UTF8.GetBytes(Wrap(EventSamples.CloudEvent("deep"), batch).Replace("\"data\":{", "\"data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "{", StringComparison.Ordinal) + new string('}', 10_000)), "application/cloudevents+json");
        yield return ("900 KB string in data", Encoding.UTF8.GetBytes(Wrap(EventSamples.CloudEvent("huge-data", data: EventSamples.OrderCreatedData(email: new string('e', 900_000))), batch)), "application/cloudevents+json");
        yield return ("100 KB id", Encoding.UTF8.GetBytes(Wrap(EventSamples.CloudEvent(new string('i', 100_000)), batch)), "application/cloudevents+json");
        yield return ("3 MB body", Encoding.UTF8.GetBytes(Wrap(EventSamples.CloudEvent("huge-body", data: new JsonObject { ["x"] = new string('x', 3_000_000) }), batch)), "application/cloudevents+json");
        yield return ("invalid UTF-8 inside a string", Splice(Wrap(EventSamples.CloudEvent("utf8-bad"), batch), "Ada", [0xC3, 0x28, 0xFF, 0xFE]), "application/cloudevents+json");
        yield return ("invalid UTF-8 overlong slash", Splice(Wrap(EventSamples.CloudEvent("utf8-overlong"), batch), "/tests/shop", [0xC0, 0xAF]), "application/cloudevents+json");
        yield return ("lone surrogate escape", Encoding.UTF8.GetBytes(Wrap(EventSamples.CloudEvent("surrogate"), batch).Replace("Ada", "\\ud800", StringComparison.Ordinal)), "application/cloudevents+json");
        foreach (var (name, e) in WrongTypes())
        {
            yield return (name, Encoding.UTF8.GetBytes(Wrap(e, batch)), "application/cloudevents+json");
        }
    }

    /// <summary>
    /// Bodies every endpoint that reads a JSON body must refuse, whatever it expects: repeated members, broken text,
    /// control characters, nesting past the limit, nothing at all. Each is sent as application/json.
    /// </summary>
    public static IEnumerable<(string Name, byte[] Body, string? ContentType)> MustReject()
    {
        const string Members = "\"url\":\"https://example.com/a\",\"eventTypes\":[\"order.created\"],\"days\":7,\"cursor\":\"c\",\"adminEmails\":[\"a@example.com\"],\"eventsPerSecond\":5,\"burst\":10,\"type\":\"order.created\",\"data\":{}";
        yield return ("repeated member", Encoding.UTF8.GetBytes("{" + Members + ",\"url\":\"https://example.com/b\"}"), "application/json");
        yield return ("repeated nested member", Encoding.UTF8.GetBytes("{" + Members + ",\"filter\":{\"a\":1,\"a\":2}}"), "application/json");
        yield return ("NUL in a string", Encoding.UTF8.GetBytes("{" + Members.Replace("https://example.com/a", "https://example.com/\\u0000a", StringComparison.Ordinal) + "}"), "application/json");
        yield return ("bell in a member name", Encoding.UTF8.GetBytes("{" + Members + ",\"x\\u0007\":1}"), "application/json");
        yield return ("invalid UTF-8 in a string (\\xff)", Splice("{" + Members + "}", "example.com/a", [0xFF]), "application/json");
        yield return ("invalid UTF-8 (\\xc3 then '(')", Splice("{" + Members + "}", "example.com/a", [0xC3, 0x28]), "application/json");
        yield return ("encoded surrogate (\\xed\\xa0\\x80)", Splice("{" + Members + "}", "example.com/a", [0xED, 0xA0, 0x80]), "application/json");
        yield return ("overlong '/' (\\xc0\\xaf)", Splice("{" + Members + "}", "example.com/a", [0xC0, 0xAF]), "application/json");
        yield return ("truncated sequence (\\xe2\\x82)", Splice("{" + Members + "}", "\",\"eventTypes", [0xE2, 0x82]), "application/json");
        yield return ("lone surrogate escape", Encoding.UTF8.GetBytes("{" + Members.Replace("example.com/a", "example.com/\\ud800", StringComparison.Ordinal) + "}"), "application/json");
        yield return ("objects nested 100 deep", Encoding.UTF8.GetBytes("{" + Members + ",\"filter\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 101)), "application/json");
        yield return ("empty body", [], "application/json");
        yield return ("two JSON values", Encoding.UTF8.GetBytes("{" + Members + "}{}"), "application/json");
    }

    /// <summary>Valid JSON objects in media types a management endpoint must refuse with 415 (ingestion has its own rules).</summary>
    public static IEnumerable<(string Name, byte[] Body, string? ContentType)> WrongMediaTypes()
    {
        var json = Encoding.UTF8.GetBytes("{\"url\":\"https://example.com/a\",\"eventTypes\":[\"order.created\"],\"days\":7}");
        yield return ("JSON as text/plain", json, "text/plain");
        yield return ("JSON with no Content-Type", json, null);
        yield return ("a form", Encoding.UTF8.GetBytes("url=https%3A%2F%2Fexample.com%2Fa&days=7"), "application/x-www-form-urlencoded");
        yield return ("XML", Encoding.UTF8.GetBytes("<webhook><url>https://example.com/a</url></webhook>"), "application/xml");
        yield return ("JSON in UTF-16", Encoding.Unicode.GetBytes("{\"days\":7}"), "application/json; charset=utf-16");
    }

    /// <summary>Type confusion and huge numbers in management bodies: refused as 400/422 by whichever endpoint reads them.</summary>
    public static IEnumerable<(string Name, byte[] Body, string? ContentType)> Management()
    {
        yield return ("number for string, string for array", Encoding.UTF8.GetBytes("{\"url\":123,\"eventTypes\":\"order.created\",\"days\":\"7\",\"cursor\":5,\"adminEmails\":\"a@example.com\",\"since\":1,\"preferences\":[],\"eventsPerSecond\":\"5\",\"burst\":true,\"target\":\"all\",\"ids\":{}}"), "application/json");
        yield return ("array for object", Encoding.UTF8.GetBytes("[{\"days\":7}]"), "application/json");
        yield return ("huge numbers", Encoding.UTF8.GetBytes("{\"days\":1e400,\"eventsPerSecond\":1e309,\"burst\":99999999999999999999999,\"limit\":-1e308}"), "application/json");
        yield return ("empty object", Encoding.UTF8.GetBytes("{}"), "application/json");
        yield return ("null body", Encoding.UTF8.GetBytes("null"), "application/json");
    }

    private static IEnumerable<(string Name, JsonObject Event)> WrongTypes()
    {
        foreach (var field in EventSamples.CloudEvent("x").Select(p => p.Key).ToArray())
        {
            foreach (var value in WrongValues)
            {
                var e = EventSamples.CloudEvent($"wrong-{field}");
                e[field] = value?.DeepClone();
                yield return ($"envelope '{field}' = {value?.ToJsonString() ?? "null"}", e);
            }
        }
        foreach (var field in EventSamples.OrderCreatedData().Select(p => p.Key).ToArray())
        {
            foreach (var value in WrongValues.Append(JsonValue.Create("text")))
            {
                var data = EventSamples.OrderCreatedData();
                data[field] = value?.DeepClone();
                yield return ($"data '{field}' = {value?.ToJsonString() ?? "null"}", EventSamples.CloudEvent($"wrong-data-{field}", data: data));
            }
        }
    }

    private static string Wrap(JsonObject e, bool batch) => batch ? new JsonArray(e).ToJsonString() : e.ToJsonString();

    private static byte[] Splice(string json, string marker, byte[] bytes)
    {
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. bytes, .. Encoding.UTF8.GetBytes(json[at..])];
    }
}
