using System.Text.Json;
using Azure.Data.Tables;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Maps deliveries to rows of <c>WebhookDeliveries</c> and back. The attempt log is UTF-8 JSON in a binary property.</summary>
internal static class WebhookDeliveryEntity
{
    /// <summary>Most attempts kept in the log (the default schedule makes 8; manual re-drives add more, the oldest drop out).</summary>
    public const int MaxLoggedAttempts = 12;

    private const int MaxLogBytes = 60 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity ToEntity(WebhookDelivery d) => new(WebhookIds.DeliveryPartition(d.Tenant, d.SubscriptionId), WebhookIds.DeliveryRow(d.CreatedAt.UtcTicks, d.Id))
    {
        ["DeliveryId"] = d.Id,
        ["CreatedAt"] = d.CreatedAt,
        ["CreatedTicks"] = d.CreatedAt.UtcTicks,
        ["EventId"] = d.EventId,
        ["EventSource"] = d.EventSource,
        ["EventType"] = d.EventType,
        ["ReplayId"] = d.ReplayId,
        ["Body"] = d.Body,
        ["Status"] = d.Status,
        ["Attempts"] = d.Attempts,
        ["RoundStart"] = d.RoundStart,
        ["NextAttemptAt"] = d.NextAttemptAt,
        ["DeliveredAt"] = d.DeliveredAt,
        ["FailedAt"] = d.FailedAt,
        ["LastError"] = d.LastError,
        ["Log"] = SerializeLog(d.Log),
    };

    public static WebhookDelivery FromEntity(TableEntity e)
    {
        var partition = e.PartitionKey;
        var bar = partition.IndexOf('|', StringComparison.Ordinal);
        return new WebhookDelivery
        {
            Tenant = partition[..bar],
            SubscriptionId = partition[(bar + 1)..],
            Id = e.GetString("DeliveryId")!,
            CreatedAt = new DateTimeOffset(e.GetInt64("CreatedTicks") ?? 0, TimeSpan.Zero),
            EventId = e.GetString("EventId")!,
            EventSource = e.GetString("EventSource")!,
            EventType = e.GetString("EventType")!,
            ReplayId = e.GetString("ReplayId"),
            Body = e.GetBinary("Body"),
            Status = e.GetString("Status") ?? WebhookDeliveryStatus.Pending,
            Attempts = e.GetInt32("Attempts") ?? 0,
            RoundStart = e.GetInt32("RoundStart") ?? 0,
            NextAttemptAt = e.GetDateTimeOffset("NextAttemptAt"),
            DeliveredAt = e.GetDateTimeOffset("DeliveredAt"),
            FailedAt = e.GetDateTimeOffset("FailedAt"),
            LastError = e.GetString("LastError"),
            Log = e.GetBinary("Log") is { Length: > 0 } log ? JsonSerializer.Deserialize<WebhookAttemptRecord[]>(log, Json) ?? [] : [],
            ETag = e.ETag,
        };
    }

    private static byte[] SerializeLog(IReadOnlyList<WebhookAttemptRecord> log)
    {
        var kept = log.Skip(Math.Max(0, log.Count - MaxLoggedAttempts)).ToList();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(kept, Json);
        while (bytes.Length > MaxLogBytes && kept.Count > 1)
        {
            kept.RemoveAt(0);
            bytes = JsonSerializer.SerializeToUtf8Bytes(kept, Json);
        }
        return bytes;
    }
}
