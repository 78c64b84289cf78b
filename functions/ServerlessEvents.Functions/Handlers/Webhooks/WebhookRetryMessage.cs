using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// A message on <c>webhook-retries</c>: which delivery to attempt, and how many attempts it had when queued (a
/// message that finds more attempts recorded is a stale duplicate and is dropped). JSON, base64-encoded on the queue.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="CreatedTicks">The delivery's creation ticks (its row key).</param>
/// <param name="Attempts">Attempts recorded when the message was queued.</param>
public sealed record WebhookRetryMessage(
    [property: JsonPropertyName("t")] string Tenant,
    [property: JsonPropertyName("s")] string SubscriptionId,
    [property: JsonPropertyName("d")] string DeliveryId,
    [property: JsonPropertyName("c")] long CreatedTicks,
    [property: JsonPropertyName("a")] int Attempts)
{
    /// <summary>The message for a delivery about to have <paramref name="attempts"/> attempts recorded.</summary>
    public static WebhookRetryMessage For(WebhookDelivery delivery, int attempts) =>
        new(delivery.Tenant, delivery.SubscriptionId, delivery.Id, delivery.CreatedAt.UtcTicks, attempts);

    /// <summary>The message text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Parses message text; null when it is not one of ours.</summary>
    public static WebhookRetryMessage? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            var message = JsonSerializer.Deserialize<WebhookRetryMessage>(text);
            return message is { Tenant.Length: > 0 } && WebhookIds.IsSubscriptionId(message.SubscriptionId) && WebhookIds.IsDeliveryId(message.DeliveryId) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
