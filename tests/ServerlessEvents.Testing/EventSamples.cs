using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Testing;

/// <summary>Valid events of catalog types, and helpers to post them.</summary>
public static class EventSamples
{
    /// <summary>Valid <c>data</c> for <c>order.created</c>.</summary>
    public static JsonObject OrderCreatedData(string orderId = "o-1", string email = "ada@example.com", decimal total = 42.5m) => new()
    {
        ["orderId"] = orderId,
        ["customerId"] = "c-1",
        ["customerEmail"] = email,
        ["customerName"] = "Ada Lovelace",
        ["items"] = new JsonArray(new JsonObject { ["sku"] = "SKU-1", ["name"] = "Widget", ["quantity"] = 2, ["unitPrice"] = 21.25m }),
        ["total"] = total,
        ["currency"] = "EUR",
    };

    /// <summary>A structured-mode CloudEvent of a catalog type.</summary>
    public static JsonObject CloudEvent(string id, string type = "order.created", JsonNode? data = null, string source = "/tests/shop", string? subject = null, string? time = null)
    {
        var e = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = source,
            ["type"] = type,
            ["time"] = time ?? "2026-11-20T10:15:30.123Z",
            ["datacontenttype"] = "application/json",
            ["data"] = data ?? OrderCreatedData(),
        };
        if (subject is not null)
        {
            e["subject"] = subject;
        }
        return e;
    }

    /// <summary>Valid data for a few other catalog types.</summary>
    public static JsonObject DataFor(string type, string suffix = "1") => type switch
    {
        "order.created" => OrderCreatedData("o-" + suffix),
        "order.shipped" => new JsonObject { ["orderId"] = "o-" + suffix, ["customerEmail"] = "ada@example.com", ["trackingNumber"] = "TRK" + suffix, ["carrier"] = "DHL" },
        "user.created" => new JsonObject { ["userId"] = "u-" + suffix, ["email"] = $"user{suffix}@example.com", ["displayName"] = "User " + suffix },
        "product.low_stock" => new JsonObject { ["productId"] = "p-" + suffix, ["sku"] = "SKU-" + suffix, ["name"] = "Widget", ["quantity"] = 3, ["threshold"] = 10 },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no sample data"),
    };

    /// <summary>POSTs one event as <c>application/cloudevents+json</c>.</summary>
    public static Task<HttpResponseMessage> PostCloudEventAsync(this HttpClient client, JsonObject cloudEvent) =>
        client.PostAsync("/api/events", Content(cloudEvent.ToJsonString(), "application/cloudevents+json"));

    /// <summary>POSTs a batch as <c>application/cloudevents-batch+json</c>.</summary>
    public static Task<HttpResponseMessage> PostBatchAsync(this HttpClient client, IEnumerable<JsonObject> events) =>
        client.PostAsync("/api/events/batch", Content(new JsonArray(events.Select(e => (JsonNode?)e.DeepClone()).ToArray()).ToJsonString(), "application/cloudevents-batch+json"));

    /// <summary>Content with an exact content type.</summary>
    public static ByteArrayContent Content(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
