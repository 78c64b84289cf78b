using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.UnitTests.Ingestion;

namespace ServerlessEvents.UnitTests.Catalog;

public class EventTypeCatalogTests
{
    public static readonly string[] ListedTypes =
    [
        "order.created", "order.updated", "order.shipped", "order.delivered", "order.cancelled",
        "user.created", "user.updated", "user.login", "user.logout",
        "product.created", "product.updated", "product.low_stock", "product.out_of_stock",
        "ai.briefing_generated", "ai.forecast_completed", "ai.anomaly_detected",
        "marketplace.connection_requested", "marketplace.connection_approved", "marketplace.connection_rejected",
        "training.started", "training.paused", "training.completed",
        "mastery.improved", "provider.selected", "budget.threshold_exceeded",
        "intent.created", "intent.classified", "context.indexed", "system.error",
        "webhook.test", "webhook.disabled",
    ];

    public static TheoryData<string> Listed() => new(ListedTypes);

    private static readonly EventTypeCatalog Catalog = ReaderFixture.Catalog;

    [Theory]
    [MemberData(nameof(Listed))]
    public void Every_listed_type_is_in_the_catalog_with_an_object_schema(string type)
    {
        Assert.True(Catalog.TryGet(type, out var info));
        var schema = JsonNode.Parse(info.SchemaText)!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal(type, (string?)schema["title"]);
        Assert.Equal(info.Version, (string?)schema["x-version"]);
        Assert.Equal("object", (string?)schema["type"]);
        Assert.NotEmpty(schema["properties"]!.AsObject());
    }

    [Fact]
    public void Catalog_holds_exactly_the_listed_types_in_order()
    {
        Assert.Equal(ListedTypes.Order(StringComparer.Ordinal), Catalog.TypeNames);
        Assert.Equal(ListedTypes.Length, Catalog.Types.Count);
    }

    [Fact]
    public void Order_created_schema_requires_order_id_and_forbids_unknown_members()
    {
        Assert.True(Catalog.TryGet("order.created", out var info));
        var schema = JsonNode.Parse(info.SchemaText)!.AsObject();
        var required = schema["required"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.Contains("orderId", required);
        Assert.DoesNotContain("customerName", required);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal("email", (string?)schema["properties"]!["customerEmail"]!["format"]);
        Assert.Equal("integer", (string?)schema["properties"]!["items"]!["items"]!["properties"]!["quantity"]!["type"]);
    }

    [Fact]
    public void Open_types_accept_unknown_members_while_closed_types_refuse_them()
    {
        var open = Event("system.error", """{"originalEventId":"e1","handler":"email","reason":"smtp down","attempts":5}""");
        var closed = Event("webhook.test", """{"webhookId":"w1","attempts":5}""");
        Assert.Empty(Catalog.Validate(open));
        Assert.Equal("data.attempts", Assert.Single(Catalog.Validate(closed)).Field);
    }

    [Fact]
    public void Anomaly_severity_is_an_enum_of_four_camel_case_values()
    {
        Assert.True(Catalog.TryGet("ai.anomaly_detected", out var info));
        var values = JsonNode.Parse(info.SchemaText)!["properties"]!["severity"]!["enum"]!.AsArray().Select(n => (string)n!);
        Assert.Equal(["low", "medium", "high", "critical"], values);
    }

    [Theory]
    [InlineData("order.created", "order.created")]
    [InlineData("order.*", "order.cancelled,order.created,order.delivered,order.shipped,order.updated")]
    [InlineData("webhook.*", "webhook.disabled,webhook.test")]
    [InlineData("nothing.*", "")]
    [InlineData("order.nope", "")]
    [InlineData("order", "")]
    public void Expand_selects_exact_types_and_prefix_patterns(string pattern, string expected)
    {
        Assert.Equal(expected, string.Join(",", Catalog.Expand(pattern)));
    }

    [Fact]
    public void Expand_star_selects_every_type()
    {
        Assert.Equal(Catalog.TypeNames, Catalog.Expand("*"));
    }

    [Fact]
    public void Read_data_deserializes_into_the_record()
    {
        var order = Catalog.ReadData<OrderCreated>(Event("order.created", ReaderFixture.OrderData))!;
        Assert.Equal("o-1", order.OrderId);
        Assert.Equal(12.5m, order.Total);
        Assert.Equal(2, Assert.Single(order.Items!).Quantity);
        var anomaly = Catalog.ReadData<AiAnomalyDetected>(Event("ai.anomaly_detected",
            """{"anomalyId":"a","metric":"latency","severity":"critical","description":"p99 up"}"""))!;
        Assert.Equal(AnomalySeverity.Critical, anomaly.Severity);
        Assert.Null(anomaly.DetectedAt);
    }

    [Fact]
    public void Unknown_type_is_an_error_on_type_and_the_reader_answers_it_with_a_422_listing_known_types()
    {
        var error = Assert.Single(Catalog.Validate(Event("order.exploded", "{}")));
        Assert.Equal("type", error.Field);
        Assert.Contains("'order.exploded'", error.Message, StringComparison.Ordinal);

        var reader = ReaderFixture.Reader();
        var result = Assert.Single(ReaderFixture.Read("application/cloudevents+json",
            """{"specversion":"1.0","id":"u-1","source":"/s","type":"order.exploded","data":{}}""", reader: reader));
        Assert.True(result.UnknownType);
        var problem = reader.ToProblem(result);
        Assert.Equal(422, problem.Status);
        Assert.Equal(Catalog.TypeNames, problem.Extensions["knownTypes"]);
        Assert.Equal(error, Assert.Single(problem.Errors));
    }

    [Fact]
    public void Missing_data_where_an_object_is_required_is_an_error_on_data()
    {
        var noData = new CanonicalEvent { Id = "1", Source = "/s", Type = "user.created", Time = ReaderFixture.NowText };
        var binary = new CanonicalEvent { Id = "1", Source = "/s", Type = "user.created", Time = ReaderFixture.NowText, DataBase64 = "AAE=" };
        Assert.Equal("data", Assert.Single(Catalog.Validate(noData)).Field);
        Assert.Contains("data_base64", Assert.Single(Catalog.Validate(binary)).Message, StringComparison.Ordinal);
    }

    internal static CanonicalEvent Event(string type, string data) => new()
    {
        Id = "1",
        Source = "/tests",
        Type = type,
        Time = ReaderFixture.NowText,
        Data = JsonElement.Parse(data),
    };
}
