using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The API's JSON for subscriptions and deliveries. Never contains a secret.</summary>
public static class WebhookJson
{
    /// <summary>A subscription as the API shows it.</summary>
    public static JsonObject Subscription(WebhookSubscription s) => new()
    {
        ["id"] = s.Id,
        ["url"] = s.Url.OriginalString,
        ["eventTypes"] = new JsonArray(s.EventTypes.Select(t => (JsonNode?)t).ToArray()),
        ["filter"] = WebhookSubscriptionEntity.FilterToJson(s.Filter),
        ["description"] = s.Description,
        ["enabled"] = s.Enabled,
        ["disabledReason"] = s.DisabledReason,
        ["disabledAt"] = s.DisabledAt,
        ["createdAt"] = s.CreatedAt,
        ["updatedAt"] = s.UpdatedAt,
        ["stats"] = new JsonObject
        {
            ["successCount"] = s.Stats.SuccessCount,
            ["failureCount"] = s.Stats.FailureCount,
            ["successRate"] = s.Stats.SuccessRate,
            ["lastSuccessAt"] = s.Stats.LastSuccessAt,
            ["failingSince"] = s.Stats.FailingSince,
            ["lastAttemptAt"] = s.Stats.LastAttemptAt,
            ["lastError"] = s.Stats.LastError,
        },
    };

    /// <summary>A delivery with its attempt log.</summary>
    public static JsonObject Delivery(WebhookDelivery d) => new()
    {
        ["id"] = d.Id,
        ["webhookId"] = d.SubscriptionId,
        ["eventId"] = d.EventId,
        ["eventSource"] = d.EventSource,
        ["eventType"] = d.EventType,
        ["replayId"] = d.ReplayId,
        ["status"] = d.Status,
        ["createdAt"] = d.CreatedAt,
        ["attemptCount"] = d.Attempts,
        ["nextAttemptAt"] = d.NextAttemptAt,
        ["deliveredAt"] = d.DeliveredAt,
        ["failedAt"] = d.FailedAt,
        ["lastError"] = d.LastError,
        ["attempts"] = new JsonArray(d.Log.Select(a => (JsonNode?)new JsonObject
        {
            ["number"] = a.Number,
            ["at"] = a.At,
            ["outcome"] = a.Outcome,
            ["statusCode"] = a.StatusCode,
            ["latencyMs"] = a.LatencyMs,
            ["error"] = a.Error,
            ["responseBody"] = a.ResponseBody,
            ["responseBodyTruncated"] = a.ResponseBodyTruncated,
        }).ToArray()),
    };
}
