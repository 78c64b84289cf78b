using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Bench;

/// <summary>
/// Delivers CloudEvents to an eventGridTrigger function of the handler process in payload mode, encoded as the
/// Functions host and the Event Grid extension do (the same encoding as FunctionsHostDouble.DeliverEventGridAsync).
/// </summary>
public static class EventGridInvoker
{
    /// <summary>Invokes <paramref name="function"/> (trigger binding <c>event</c>) with one event; returns the HTTP status.</summary>
    public static async Task<int> DeliverAsync(HttpClient handler, string function, JsonObject cloudEvent)
    {
        var eventText = cloudEvent.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var body = new JsonObject
        {
            ["Data"] = new JsonObject { ["event"] = JsonValue.Create(JsonSerializer.Serialize(eventText)) },
            ["Metadata"] = new JsonObject
            {
                ["data"] = cloudEvent["data"]?.DeepClone(),
                ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = DateTime.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() },
            },
        };
        using var response = await handler.PostAsJsonAsync("/" + function, body);
        return (int)response.StatusCode;
    }
}
