using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.Bench;

/// <summary>The events the benchmark sends: valid <c>order.created</c> CloudEvents of about 1 KB.</summary>
public static class BenchEvents
{
    /// <summary>Size of the storage baseline's entity payload, comparable to one event.</summary>
    public const int PayloadBytes = 1024;

    /// <summary>A ~1 KB order.created CloudEvent with a unique id.</summary>
    public static JsonObject Create(string id)
    {
        var data = EventSamples.OrderCreatedData("o-" + id);
        var items = new JsonArray();
        for (var i = 0; i < 8; i++)
        {
            items.Add(new JsonObject { ["sku"] = $"SKU-{i:D4}", ["name"] = "Widget number " + i, ["quantity"] = 1, ["unitPrice"] = 5.25m });
        }
        data["items"] = items;
        data["total"] = 42m;
        return EventSamples.CloudEvent(id, data: data, source: "/bench/shop", subject: "orders/" + id);
    }

    /// <summary>A single-event request.</summary>
    public static HttpRequestMessage Single(string key, string id) => Request(key, "/api/events", Create(id).ToJsonString(), "application/cloudevents+json");

    /// <summary>A batch request of <paramref name="count"/> events with ids <c>{prefix}-{i}</c>.</summary>
    public static HttpRequestMessage Batch(string key, string prefix, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(Create($"{prefix}-{i}"));
        }
        return Request(key, "/api/events/batch", array.ToJsonString(), "application/cloudevents-batch+json");
    }

    private static HttpRequestMessage Request(string key, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
