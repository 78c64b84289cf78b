using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>A stored in-app notification, as the API and the SignalR push show it.</summary>
public sealed record Notification(
    string Id, string UserId, string Type, string Title, string Body, string Priority, string? Link,
    string StoredStatus, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReadAt, string EventId, string RowKey)
{
    /// <summary>The status at <paramref name="now"/>: <c>expired</c> once past expiry unless read.</summary>
    public string StatusAt(DateTimeOffset now) =>
        StoredStatus != NotificationStatus.Read && ExpiresAt <= now ? NotificationStatus.Expired : StoredStatus;

    /// <summary>The JSON the API returns and the push carries.</summary>
    public JsonObject ToJson(DateTimeOffset now) => new()
    {
        ["id"] = Id,
        ["userId"] = UserId,
        ["type"] = Type,
        ["title"] = Title,
        ["body"] = Body,
        ["priority"] = Priority,
        ["link"] = Link,
        ["status"] = StatusAt(now),
        ["createdAt"] = CreatedAt,
        ["expiresAt"] = ExpiresAt,
        ["readAt"] = ReadAt,
        ["eventId"] = EventId,
    };

    /// <summary>Reads a stored row.</summary>
    public static Notification FromEntity(TableEntity row) => new(
        row.GetString("Id")!, row.GetString("UserId")!, row.GetString("Type")!, row.GetString("Title")!, row.GetString("Body")!,
        row.GetString("Priority")!, row.GetString("Link"), row.GetString("Status")!, row.GetDateTimeOffset("CreatedAt")!.Value,
        row.GetDateTimeOffset("ExpiresAt")!.Value, row.GetDateTimeOffset("ReadAt"), row.GetString("EventId")!, row.RowKey);
}
