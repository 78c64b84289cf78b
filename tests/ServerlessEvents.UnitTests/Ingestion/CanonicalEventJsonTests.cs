using System.Text;
using System.Text.Json;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Ingestion;
using static ServerlessEvents.UnitTests.Ingestion.ReaderFixture;

namespace ServerlessEvents.UnitTests.Ingestion;

public class CanonicalEventJsonTests
{
    private static CanonicalEvent Event(string data, string time = "2024-05-01T12:00:00.120+02:00", IReadOnlyDictionary<string, JsonElement>? extensions = null) => new()
    {
        Id = "id-1",
        Source = "/shop",
        Type = "order.created",
        Subject = "orders/ü-1",
        Time = time,
        DataContentType = "application/json",
        DataSchema = "https://schemas.example.com/order.json",
        Data = JsonElement.Parse(data),
        Extensions = extensions ?? new Dictionary<string, JsonElement>
        {
            ["userid"] = JsonElement.Parse("\"u-1\""),
            ["priority"] = JsonElement.Parse("12345678901234567890"),
            ["urgent"] = JsonElement.Parse("true"),
        },
    };

    [Fact]
    public void Round_trip_preserves_every_attribute_time_text_and_extensions()
    {
        var original = Event("""{"amount":12345678901234567890,"rate":0.1,"tiny":1E-400,"name":"Grüße 👋 \u00e9","nested":[1,{"a":null}]}""");
        var copy = CanonicalEventJson.Deserialize(CanonicalEventJson.Serialize(original));
        Assert.Equal((original.Id, original.Source, original.Type, original.Subject, original.Time), (copy.Id, copy.Source, copy.Type, copy.Subject, copy.Time));
        Assert.Equal((original.SpecVersion, original.DataContentType, original.DataSchema), (copy.SpecVersion, copy.DataContentType, copy.DataSchema));
        Assert.Equal(["priority", "urgent", "userid"], copy.Extensions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("12345678901234567890", copy.Extensions["priority"].GetRawText());
        Assert.True(copy.Extensions["urgent"].GetBoolean());
        Assert.Equal("u-1", copy.UserId);
        Assert.True(JsonElement.DeepEquals(original.Data!.Value, copy.Data!.Value));
        Assert.Equal("12345678901234567890", copy.Data.Value.GetProperty("amount").GetRawText());
        Assert.Equal("0.1", copy.Data.Value.GetProperty("rate").GetRawText());
        Assert.Equal("1E-400", copy.Data.Value.GetProperty("tiny").GetRawText());
        Assert.Equal("Grüße 👋 é", copy.Data.Value.GetProperty("name").GetString());
        Assert.Equal(CanonicalEventJson.ContentHash(original), CanonicalEventJson.ContentHash(copy));
    }

    [Fact]
    public void Serialized_form_is_structured_cloud_events_json_in_attribute_order()
    {
        var json = Encoding.UTF8.GetString(CanonicalEventJson.Serialize(Event("""{"a":1}""")));
        var names = JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "userid", "priority", "urgent", "data"], names);
    }

    [Fact]
    public void Round_trip_keeps_a_900_kb_payload_intact()
    {
        var items = string.Join(",", Enumerable.Range(0, 11000).Select(i => $$"""{"sku":"SKU-{{i:D6}}","name":"Ärger ✓ item {{i}}","quantity":{{i}},"price":{{i}}.10}"""));
        var data = $$"""{"items":[{{items}}]}""";
        Assert.InRange(Encoding.UTF8.GetByteCount(data), 800_000, 1_100_000);
        var original = Event(data);
        var bytes = CanonicalEventJson.Serialize(original);
        var copy = CanonicalEventJson.Deserialize(bytes);
        Assert.True(JsonElement.DeepEquals(original.Data!.Value, copy.Data!.Value));
        Assert.Equal(11000, copy.Data.Value.GetProperty("items").GetArrayLength());
        Assert.Equal("10999.10", copy.Data.Value.GetProperty("items")[10999].GetProperty("price").GetRawText());
    }

    [Fact]
    public void Binary_data_round_trips_as_data_base64()
    {
        var original = new CanonicalEvent { Id = "b", Source = "/s", Type = "x.y", Time = "2024-01-01T00:00:00Z", DataContentType = "image/png", DataBase64 = "iVBORw0KGgo=" };
        var copy = CanonicalEventJson.Deserialize(CanonicalEventJson.Serialize(original));
        Assert.Equal(("iVBORw0KGgo=", "image/png"), (copy.DataBase64, copy.DataContentType));
        Assert.Null(copy.Data);
        Assert.Null(copy.Subject);
    }

    [Fact]
    public void Extra_extensions_are_added_and_replace_same_named_ones()
    {
        var bytes = CanonicalEventJson.Serialize(Event("{}"), new Dictionary<string, string> { ["tenantid"] = "acme", ["userid"] = "override" });
        var copy = CanonicalEventJson.Deserialize(bytes);
        Assert.Equal("acme", copy.StringExtension("tenantid"));
        Assert.Equal("override", copy.UserId);
        Assert.Single(JsonDocument.Parse(bytes).RootElement.EnumerateObject(), p => p.Name == "userid");
        Assert.Throws<ArgumentException>(() => CanonicalEventJson.Serialize(Event("{}"), new Dictionary<string, string> { ["id"] = "x" }));
        Assert.Throws<ArgumentException>(() => CanonicalEventJson.Serialize(Event("{}"), new Dictionary<string, string> { ["Bad-Name"] = "x" }));
    }

    [Fact]
    public void Deserialize_refuses_text_that_is_not_a_complete_event()
    {
        Assert.ThrowsAny<JsonException>(() => CanonicalEventJson.Deserialize("""{"specversion":"1.0","source":"/s","type":"t","time":"2024-01-01T00:00:00Z"}"""u8));
        Assert.ThrowsAny<JsonException>(() => CanonicalEventJson.Deserialize("[1]"u8));
        Assert.ThrowsAny<JsonException>(() => CanonicalEventJson.Deserialize("{\"id\":"u8));
    }

    [Fact]
    public void Content_hash_ignores_top_level_member_order_and_data_whitespace()
    {
        var a = Single("application/cloudevents+json",
            """{"specversion":"1.0","id":"e","source":"/s","type":"user.created","time":"2024-01-01T00:00:00Z","trace":"t","data":{"userId":"u","email":"u@x.io"}}""");
        var b = Single("application/cloudevents+json",
            "{ \"data\" : {\n  \"userId\" : \"u\",\n  \"email\" : \"u\\u0040x.io\"\n},\n \"trace\":\"t\", \"time\":\"2024-01-01T00:00:00Z\", \"type\":\"user.created\", \"source\":\"/s\", \"id\":\"e\", \"specversion\":\"1.0\" }");
        Assert.Equal(CanonicalEventJson.ContentHash(a), CanonicalEventJson.ContentHash(b));
        Assert.Matches("^[0-9a-f]{64}$", CanonicalEventJson.ContentHash(a));
    }

    [Theory]
    [InlineData("""{"userId":"u","email":"v@x.io"}""", "2024-01-01T00:00:00Z", "t")]
    [InlineData("""{"userId":"u","email":"u@x.io","displayName":"U"}""", "2024-01-01T00:00:00Z", "t")]
    [InlineData("""{"userId":"u","email":"u@x.io"}""", "2024-01-01T00:00:01Z", "t")]
    [InlineData("""{"userId":"u","email":"u@x.io"}""", "2024-01-01T00:00:00Z", "other")]
    public void Content_hash_changes_when_data_time_or_extensions_change(string data, string time, string trace)
    {
        var baseline = Single("application/cloudevents+json",
            """{"specversion":"1.0","id":"e","source":"/s","type":"user.created","time":"2024-01-01T00:00:00Z","trace":"t","data":{"userId":"u","email":"u@x.io"}}""");
        var changed = Single("application/cloudevents+json",
            $$"""{"specversion":"1.0","id":"e","source":"/s","type":"user.created","time":"{{time}}","trace":"{{trace}}","data":{{data}}}""");
        Assert.NotEqual(CanonicalEventJson.ContentHash(baseline), CanonicalEventJson.ContentHash(changed));
    }

    [Fact]
    public void Content_hash_of_a_retried_event_without_time_ignores_the_generated_time()
    {
        const string body = """{"type":"webhook.test","id":"fixed","data":{"webhookId":"w"}}""";
        var first = Reader().Read("application/json", new Microsoft.AspNetCore.Http.HeaderDictionary(), Encoding.UTF8.GetBytes(body), false)[0].Event!;
        var later = new ServerlessEvents.Functions.Ingestion.IncomingEventReader(ReaderFixture.Catalog, new SequentialIds(), new FixedTime(Now.AddMinutes(5)),
            Microsoft.Extensions.Options.Options.Create(new EventReaderOptions()))
            .Read("application/json", new Microsoft.AspNetCore.Http.HeaderDictionary(), Encoding.UTF8.GetBytes(body), false)[0].Event!;
        Assert.NotEqual(first.Time, later.Time);
        Assert.Equal(CanonicalEventJson.ContentHash(first), CanonicalEventJson.ContentHash(later));
    }
}
