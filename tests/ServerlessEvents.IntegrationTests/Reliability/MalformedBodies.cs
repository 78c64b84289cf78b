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
