using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>The <c>Notifications</c> table (layout: <see cref="NotificationKeys"/>). Every operation is scoped to one tenant's user.</summary>
public class NotificationStore(TableServiceClient tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Notifications);

    /// <summary>
    /// Stores a notification as <c>pending</c> with its index row, in one transaction. When it exists already (a
    /// redelivery) nothing is written and the stored one is returned with <c>created</c> false.
    /// </summary>
    public virtual async Task<(Notification Notification, bool Created)> AddAsync(string tenant, string id, string eventId, DateTimeOffset createdAt, NotificationDraft draft, CancellationToken cancellationToken = default)
    {
        var partition = NotificationKeys.Partition(tenant, draft.UserId);
        var row = new TableEntity(partition, NotificationKeys.Row(createdAt, id))
        {
            ["Id"] = id, ["UserId"] = draft.UserId, ["Type"] = draft.Type, ["Title"] = draft.Title, ["Body"] = draft.Body,
            ["Priority"] = draft.Priority.ToString().ToLowerInvariant(), ["Link"] = draft.Link, ["Status"] = NotificationStatus.Pending,
            ["CreatedAt"] = createdAt, ["ExpiresAt"] = createdAt + draft.ExpiresAfter, ["EventId"] = eventId, ["StoredAt"] = clock.GetUtcNow(),
        };
        var index = new TableEntity(partition, NotificationKeys.IndexPrefix + id) { ["Row"] = row.RowKey };
        try
        {
            await _table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, row), new TableTransactionAction(TableTransactionActionType.Add, index)], cancellationToken);
            return (Notification.FromEntity(row), true);
        }
        catch (TableTransactionFailedException failed) when (failed.Status == 409)
        {
            var stored = await _table.GetEntityAsync<TableEntity>(partition, row.RowKey, cancellationToken: cancellationToken);
            return (Notification.FromEntity(stored.Value), false);
        }
    }

    /// <summary>
    /// Moves a notification that is still pending, sent or failed to <paramref name="status"/> (sent or failed), conditional
    /// on the row as read so a concurrent fetch or read is never overwritten. False when it has moved on (no push is due).
    /// </summary>
    public virtual async Task<bool> TrySetPushStatusAsync(string tenant, Notification notification, string status, CancellationToken cancellationToken = default)
    {
        var partition = NotificationKeys.Partition(tenant, notification.UserId);
        var row = (await _table.GetEntityAsync<TableEntity>(partition, notification.RowKey, cancellationToken: cancellationToken)).Value;
        if (row.GetString("Status") is not (NotificationStatus.Pending or NotificationStatus.Sent or NotificationStatus.Failed))
        {
            return false;
        }
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(partition, row.RowKey) { ["Status"] = status, ["StatusAt"] = clock.GetUtcNow() }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException changed) when (changed.Status == 412)
        {
            return false;
        }
    }

    /// <summary>A page of the user's notifications, newest first; unread-only leaves out read and expired ones.</summary>
    public virtual async Task<NotificationPage> ListAsync(string tenant, string userId, bool unreadOnly, int limit, string? afterRowKey, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var from = afterRowKey ?? NotificationKeys.RowPrefix;
        var end = NotificationKeys.RowPrefix[..^1] + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {NotificationKeys.Partition(tenant, userId)} and RowKey gt {from} and RowKey lt {end}");
        if (unreadOnly)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status ne {NotificationStatus.Read} and ExpiresAt gt {now}");
        }
        var rows = new List<TableEntity>(limit + 1);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit + 1, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > limit)
            {
                break;
            }
        }
        var page = rows.Take(limit).ToList();
        var items = new List<Notification>(page.Count);
        foreach (var row in page)
        {
            items.Add(Notification.FromEntity(await MarkDeliveredAsync(row, now, cancellationToken)));
        }
        return new NotificationPage(items, rows.Count > limit ? page[^1].RowKey : null);
    }

    /// <summary>Marks a notification read; null when the user has no notification with that id.</summary>
    public virtual async Task<Notification?> MarkReadAsync(string tenant, string userId, string id, CancellationToken cancellationToken = default)
    {
        var partition = NotificationKeys.Partition(tenant, userId);
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(partition, NotificationKeys.IndexPrefix + id, cancellationToken: cancellationToken);
        if (!index.HasValue)
        {
            return null;
        }
        var row = (await _table.GetEntityAsync<TableEntity>(partition, index.Value!.GetString("Row")!, cancellationToken: cancellationToken)).Value;
        if (row.GetString("Status") != NotificationStatus.Read)
        {
            var now = clock.GetUtcNow();
            await _table.UpdateEntityAsync(new TableEntity(partition, row.RowKey) { ["Status"] = NotificationStatus.Read, ["ReadAt"] = now }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            row["Status"] = NotificationStatus.Read;
            row["ReadAt"] = now;
        }
        return Notification.FromEntity(row);
    }

    private async Task<TableEntity> MarkDeliveredAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = row.GetString("Status");
        if (status is NotificationStatus.Pending or NotificationStatus.Sent or NotificationStatus.Failed && row.GetDateTimeOffset("ExpiresAt") > now)
        {
            try
            {
                // Conditional on the row as read, so a concurrent "read" is never overwritten.
                await _table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = NotificationStatus.Delivered, ["DeliveredAt"] = now }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                row["Status"] = NotificationStatus.Delivered;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                // Changed meanwhile (read, or delivered by another fetch): show what was read.
            }
        }
        return row;
    }
}
