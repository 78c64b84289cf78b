using Azure.Data.Tables;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The delivery log and the undelivered index, read.</summary>
public partial class WebhookDeliveryStore
{
    /// <summary>One subscription's deliveries, newest first, created within [from, to), optionally of one status.</summary>
    public virtual async Task<IReadOnlyList<WebhookDelivery>> ListAsync(
        string tenant, string subscriptionId, string? status, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken = default)
    {
        var partition = WebhookIds.DeliveryPartition(tenant, subscriptionId);
        // Inverted ticks: 'to' gives the lower row bound, 'from' the upper.
        var low = to is { } t ? WebhookIds.DeliveryRow(t.UtcTicks - 1, "") : "t|";
        var high = from is { } f ? WebhookIds.DeliveryRow(f.UtcTicks, "~") : "t|~";
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high} and Status eq {status}");
        var list = new List<WebhookDelivery>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            list.Add(WebhookDeliveryEntity.FromEntity(row));
            if (list.Count >= limit)
            {
                break;
            }
        }
        return list;
    }

    /// <summary>The tenant's undelivered deliveries created since <paramref name="since"/> of the subscriptions selected, oldest first (read through the index).</summary>
    public virtual async Task<IReadOnlyList<WebhookDelivery>> ListUndeliveredAsync(
        string tenant, DateTimeOffset since, int limit, Func<string, bool> includeSubscription, CancellationToken cancellationToken = default)
    {
        var partition = WebhookIds.UndeliveredPartition(tenant);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {WebhookIds.Ticks(since.UtcTicks)}");
        var list = new List<WebhookDelivery>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var parts = row.RowKey.Split('|');
            if (!includeSubscription(parts[1]))
            {
                continue;
            }
            var delivery = await GetAsync(tenant, parts[1], long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[2], cancellationToken);
            if (delivery is { IsUndelivered: true })
            {
                list.Add(delivery);
                if (list.Count >= limit)
                {
                    break;
                }
            }
        }
        return list;
    }
}
