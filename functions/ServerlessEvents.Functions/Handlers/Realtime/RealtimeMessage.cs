using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>The compact form of an event that browsers receive as the single argument of <c>event</c> (docs/realtime.md).</summary>
public static class RealtimeMessage
{
    /// <summary>Builds the argument; data is dropped (<c>dataOmitted: true</c>) when the result would exceed <paramref name="maxBytes"/>.</summary>
    public static JsonObject Argument(DeliveredEvent delivered, int maxBytes)
    {
        var e = delivered.Event;
        var message = new JsonObject
        {
            ["id"] = e.Id,
            ["source"] = e.Source,
            ["type"] = e.Type,
            ["time"] = e.Time,
            ["tenant"] = delivered.Tenant,
        };
        AddIfPresent(message, "subject", e.Subject);
        AddIfPresent(message, "userId", e.UserId);
        AddIfPresent(message, "correlationId", e.CorrelationId);
        AddIfPresent(message, "replayId", delivered.ReplayId);
        if (e.Data is { } data)
        {
            message["data"] = JsonNode.Parse(data.GetRawText());
        }
        else if (e.DataBase64 is not null)
        {
            message["dataOmitted"] = true;
        }
        if (message.ContainsKey("data") && JsonSerializer.SerializeToUtf8Bytes(message).Length > maxBytes)
        {
            message.Remove("data");
            message["dataOmitted"] = true;
        }
        return message;
    }

    private static void AddIfPresent(JsonObject message, string name, string? value)
    {
        if (value is not null)
        {
            message[name] = value;
        }
    }
}
