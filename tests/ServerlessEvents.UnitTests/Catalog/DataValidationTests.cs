using ServerlessEvents.UnitTests.Ingestion;

namespace ServerlessEvents.UnitTests.Catalog;

public class DataValidationTests
{
    private const string Order = """ "orderId":"o-1","customerId":"c-1","customerEmail":"ann@example.com","total":12.5,"currency":"EUR" """;
    private const string Item = """{"sku":"S","name":"N","quantity":1,"unitPrice":1}""";
    private const string Anomaly = """ "anomalyId":"a","metric":"m","description":"d" """;
    private const string LowStock = """ "productId":"p","sku":"s","name":"n","threshold":5 """;

    public static TheoryData<string, string, string, string> Invalid() => new()
    {
        { "order.created", """{"customerId":"c-1","customerEmail":"ann@example.com","total":1,"currency":"EUR"}""", "data.orderId", "is required" },
        { "order.created", "{" + Order.Replace("12.5", "\"12.5\"", StringComparison.Ordinal) + "}", "data.total", "must be a number, not a string" },
        { "order.created", "{" + Order + ""","colour":"red"}""", "data.colour", "not a known member" },
        { "ai.anomaly_detected", "{" + Anomaly + ""","severity":"urgent"}""", "data.severity", "must be one of" },
        { "ai.anomaly_detected", "{" + Anomaly + ""","severity":3}""", "data.severity", "must be one of" },
        { "order.created", "{" + Order + $$""","items":[{{Item}},{{Item}},{"sku":"S","name":"N","quantity":"two","unitPrice":1}]}""", "data.items[2].quantity", "must be an integer" },
        { "order.created", "{" + Order + $$""","items":[{{Item}},{"sku":"S","name":"N","quantity":1,"unitPrice":1,"colour":"red"}]}""", "data.items[1].colour", "not a known member" },
        { "order.created", "{" + Order + ""","items":[{"name":"N","quantity":1,"unitPrice":1}]}""", "data.items[0].sku", "is required" },
        { "order.created", "{" + Order + ""","items":[{"sku":"S","name":"N","quantity":0,"unitPrice":1}]}""", "data.items[0].quantity", "at least 1" },
        { "order.created", "{" + Order + ""","items":{"sku":"S"}}""", "data.items", "must be an array or null" },
        { "product.low_stock", "{" + LowStock + ""","quantity":1.5}""", "data.quantity", "must be an integer, not 1.5" },
        { "product.low_stock", "{" + LowStock + ""","quantity":3000000000}""", "data.quantity", "at most" },
        { "order.created", "{" + Order.Replace("\"ann@example.com\"", "null", StringComparison.Ordinal) + "}", "data.customerEmail", "must be a string, not null" },
        { "order.created", "{" + Order.Replace("ann@example.com", "not-an-email", StringComparison.Ordinal) + "}", "data.customerEmail", "email" },
        { "order.created", "{" + Order.Replace("\"o-1\"", "\"\"", StringComparison.Ordinal) + "}", "data.orderId", "must not be empty" },
        { "order.created", "{" + Order.Replace("EUR", "eur", StringComparison.Ordinal) + "}", "data.currency", "pattern" },
        { "ai.anomaly_detected", "{" + Anomaly + ""","severity":"low","detectedAt":"yesterday"}""", "data.detectedAt", "RFC 3339" },
        { "order.delivered", """{"orderId":"o","deliveredAt":"2024-13-01T00:00:00Z"}""", "data.deliveredAt", "RFC 3339" },
        { "webhook.disabled", """{"webhookId":"w","url":"not a url","reason":"r"}""", "data.url", "absolute URI" },
        { "user.login", """{"userId":"u","method":"Password"}""", "data.method", "must be one of" },
        { "product.low_stock", "{" + LowStock + ""","quantity":2.0}""", "data.quantity", "must be an integer written without a fraction or exponent" },
        { "product.low_stock", "{" + LowStock + ""","quantity":2e1}""", "data.quantity", "must be an integer written without a fraction or exponent" },
        { "ai.anomaly_detected", "{" + Anomaly + ""","severity":"low","detectedAt":"2024-02-29 23:59:59Z"}""", "data.detectedAt", "RFC 3339" },
        { "order.created", "{" + Order.Replace("ann@example.com", "ann@localhost", StringComparison.Ordinal) + "}", "data.customerEmail", "must be an email address" },
        { "user.created", "[]", "data", "must be an object, not an array" },
        { "user.created", "null", "data", "must be an object, not null" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_data_is_reported_on_the_offending_field(string type, string data, string field, string message)
    {
        var errors = ReaderFixture.Catalog.Validate(EventTypeCatalogTests.Event(type, data));
        var error = Assert.Single(errors, e => e.Field == field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_breaks_several_keywords_gets_one_error_with_the_most_telling_message()
    {
        var data = "{" + Order.Replace("ann@example.com", "", StringComparison.Ordinal) + ""","items":[{"sku":"S","name":"N","quantity":3000000000.5,"unitPrice":1}]}""";
        var errors = ReaderFixture.Catalog.Validate(EventTypeCatalogTests.Event("order.created", data));

        Assert.Equal([("data.customerEmail", "must not be empty"), ("data.items[0].quantity", "must be an integer, not 3000000000.5")], errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Member_names_with_pointer_escapes_are_reported_verbatim()
    {
        var data = "{" + Order + ""","a/b~c":1}""";
        Assert.Equal("data.a/b~c", Assert.Single(ReaderFixture.Catalog.Validate(EventTypeCatalogTests.Event("order.created", data))).Field);
    }

    [Fact]
    public void Every_error_is_collected_not_just_the_first()
    {
        var data = """{"customerId":5,"customerEmail":"x","total":"1","currency":"EUR","extra":1,"items":[{"sku":"S","name":"N","quantity":1.5,"unitPrice":1}]}""";
        var fields = ReaderFixture.Catalog.Validate(EventTypeCatalogTests.Event("order.created", data)).Select(e => e.Field).Order().ToArray();
        Assert.Equal(["data.customerEmail", "data.customerId", "data.extra", "data.items[0].quantity", "data.orderId", "data.total"], fields);
    }

    [Theory]
    [InlineData("order.created", ReaderFixture.OrderData)]
    [InlineData("order.created", """{"orderId":"o","customerId":"c","customerEmail":"a@b.io","total":0,"currency":"USD","customerName":null,"items":null}""")]
    [InlineData("ai.anomaly_detected", """{"anomalyId":"a","metric":"m","severity":"high","description":"d","detectedAt":"2024-02-29T23:59:59.5+02:00"}""")]
    [InlineData("product.low_stock", """{"productId":"p","sku":"s","name":"n","quantity":2,"threshold":5}""")]
    [InlineData("order.shipped", """{"orderId":"o","customerEmail":"a@b.io","trackingNumber":"T1"}""")]
    [InlineData("webhook.disabled", """{"webhookId":"w","url":"https://hooks.example.com/x","reason":"r","lastFailureAt":"2024-01-01T00:00:00Z"}""")]
    [InlineData("user.login", """{"userId":"u","method":"magicLink"}""")]
    public void Valid_data_passes(string type, string data)
    {
        Assert.Empty(ReaderFixture.Catalog.Validate(EventTypeCatalogTests.Event(type, data)));
    }
}
