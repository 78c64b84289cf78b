using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Maps subscriptions to rows of <c>WebhookSubscriptions</c> (partition = tenant, row = id) and back.</summary>
internal static class WebhookSubscriptionEntity
{
    public static TableEntity ToEntity(WebhookSubscription s) => new(s.Tenant, s.Id)
    {
        ["Url"] = s.Url.OriginalString,
        ["EventTypes"] = JsonSerializer.Serialize(s.EventTypes),
        ["Filter"] = FilterToJson(s.Filter).ToJsonString(),
        ["Description"] = s.Description,
        ["Enabled"] = s.Enabled,
        ["DisabledReason"] = s.DisabledReason,
        ["DisabledAt"] = s.DisabledAt,
        ["CreatedAt"] = s.CreatedAt,
        ["UpdatedAt"] = s.UpdatedAt,
        ["SuccessCount"] = s.Stats.SuccessCount,
        ["FailureCount"] = s.Stats.FailureCount,
        ["LastSuccessAt"] = s.Stats.LastSuccessAt,
        ["FailingSince"] = s.Stats.FailingSince,
        ["LastAttemptAt"] = s.Stats.LastAttemptAt,
        ["LastError"] = s.Stats.LastError,
    };

    public static WebhookSubscription FromEntity(TableEntity e) => new()
    {
        Tenant = e.PartitionKey,
        Id = e.RowKey,
        Url = new Uri(e.GetString("Url")!),
        EventTypes = JsonSerializer.Deserialize<string[]>(e.GetString("EventTypes") ?? "[]") ?? [],
        Filter = FilterFromJson(e.GetString("Filter")),
        Description = e.GetString("Description"),
        Enabled = e.GetBoolean("Enabled") ?? false,
        DisabledReason = e.GetString("DisabledReason"),
        DisabledAt = e.GetDateTimeOffset("DisabledAt"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        Stats = new WebhookSubscriptionStats(
            e.GetInt64("SuccessCount") ?? 0, e.GetInt64("FailureCount") ?? 0, e.GetDateTimeOffset("LastSuccessAt"),
            e.GetDateTimeOffset("FailingSince"), e.GetDateTimeOffset("LastAttemptAt"), e.GetString("LastError")),
    };

    /// <summary>The filter as the API shows it: <c>[{"path": ..., "equals": ...}]</c>.</summary>
    public static JsonArray FilterToJson(IReadOnlyList<WebhookFilterCondition> filter) =>
        new(filter.Select(c => (JsonNode?)new JsonObject { ["path"] = c.Path, ["equals"] = JsonSerializer.SerializeToNode(c.EqualTo) }).ToArray());

    private static WebhookFilterCondition[] FilterFromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(c => new WebhookFilterCondition(c.GetProperty("path").GetString()!, c.GetProperty("equals").Clone()))
            .ToArray();
    }
}
