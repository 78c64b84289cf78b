using System.Globalization;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Deletes finished webhook deliveries (delivered or failed; pending ones are still being retried) created before the
/// cutoff, with their id pointer rows, and the tenant's undelivered-index rows whose delivery is gone.
/// </summary>
public sealed class WebhookDeliveriesRetention(TableServiceClient tables, WebhookSubscriptionStore subscriptions) : IRetentionParticipant
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.WebhookDeliveries);

    /// <inheritdoc />
    public string Kind => "webhookDeliveries";

    /// <inheritdoc />
    public async Task<int> DeleteOlderThanAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        // Rows are newest first: "t|{MaxTicks - created}" sorts the old ones after the cutoff's key.
        var oldFrom = "t|" + WebhookIds.Ticks(DateTimeOffset.MaxValue.UtcTicks - cutoff.UtcTicks);
        foreach (var subscription in await subscriptions.ListAsync(tenant, cancellationToken))
        {
            var partition = WebhookIds.DeliveryPartition(tenant, subscription.Id);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {oldFrom} and RowKey lt {"t}"} and Status ne {WebhookDeliveryStatus.Pending}");
            var rows = await RowDeleter.KeysAsync(_table, filter, cancellationToken);
            var pointers = rows.Select(r => (partition, WebhookIds.PointerRow(r.Row[(r.Row.LastIndexOf('|') + 1)..])));
            // The delivery rows first, then their pointers: a pointer without a row reads as "not found".
            deleted += await RowDeleter.DeleteAsync(_table, rows, cancellationToken);
            await RowDeleter.DeleteAsync(_table, pointers, cancellationToken);
        }
        var undelivered = WebhookIds.UndeliveredPartition(tenant);
        var stale = new List<(string, string)>();
        foreach (var (p, row) in await RowDeleter.KeysAsync(_table, TableClient.CreateQueryFilter($"PartitionKey eq {undelivered} and RowKey lt {WebhookIds.Ticks(cutoff.UtcTicks)}"), cancellationToken))
        {
            var parts = row.Split('|');
            var exists = parts.Length == 3 && (await _table.GetEntityIfExistsAsync<TableEntity>(WebhookIds.DeliveryPartition(tenant, parts[1]),
                WebhookIds.DeliveryRow(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[2]), ["RowKey"], cancellationToken)).HasValue;
            if (!exists)
            {
                stale.Add((p, row));
            }
        }
        await RowDeleter.DeleteAsync(_table, stale, cancellationToken);
        return deleted;
    }
}
