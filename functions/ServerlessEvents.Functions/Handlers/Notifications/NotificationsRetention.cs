using System.Globalization;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// Deletes in-app notifications older than the cutoff in every user partition of the tenant (<c>{tenant}|{user}</c>),
/// with their id index rows. Preferences are settings, not history, and are kept.
/// </summary>
public sealed class NotificationsRetention(TableServiceClient tables) : IRetentionParticipant
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Notifications);

    /// <inheritdoc />
    public string Kind => "notifications";

    /// <inheritdoc />
    public async Task<int> DeleteOlderThanAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Rows are newest first: "n|{MaxTicks - created}" sorts the old ones after the cutoff's key.
        var oldFrom = NotificationKeys.RowPrefix + (DateTimeOffset.MaxValue.UtcTicks - cutoff.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey gt {tenant + "|"} and PartitionKey lt {tenant + "}"} and RowKey gt {oldFrom} and RowKey lt {"n}"}");
        var rows = await RowDeleter.KeysAsync(_table, filter, cancellationToken);
        var deleted = await RowDeleter.DeleteAsync(_table, rows, cancellationToken);
        await RowDeleter.DeleteAsync(_table, rows.Select(r => (r.Partition, NotificationKeys.IndexPrefix + r.Row[(r.Row.LastIndexOf('|') + 1)..])), cancellationToken);
        return deleted;
    }
}
