using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Subscriptions in <c>WebhookSubscriptions</c>: partition = tenant, row = subscription id. Thread-safe.</summary>
public class WebhookSubscriptionStore(TableServiceClient tables)
{
    private const int MaxConflictRetries = 8;
    private readonly TableClient _table = tables.GetTableClient(TableNames.WebhookSubscriptions);

    /// <summary>Stores a new subscription.</summary>
    public virtual async Task CreateAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default) =>
        await _table.AddEntityAsync(WebhookSubscriptionEntity.ToEntity(subscription), cancellationToken);

    /// <summary>The tenant's subscription, or null (also for another tenant's id).</summary>
    public virtual async Task<WebhookSubscription?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        if (!WebhookIds.IsSubscriptionId(id))
        {
            return null;
        }
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, id, cancellationToken: cancellationToken);
        return row.HasValue ? WebhookSubscriptionEntity.FromEntity(row.Value!) : null;
    }

    /// <summary>Every subscription of the tenant (all in one partition).</summary>
    public virtual async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var list = new List<WebhookSubscription>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"), cancellationToken: cancellationToken))
        {
            list.Add(WebhookSubscriptionEntity.FromEntity(row));
        }
        return list;
    }

    /// <summary>
    /// Reads, changes and writes a subscription under optimistic concurrency, retrying on conflicts.
    /// <paramref name="change"/> may run more than once; returning null leaves the row alone.
    /// Returns the stored result, or null when the subscription does not exist or the change declined.
    /// </summary>
    public virtual async Task<WebhookSubscription?> UpdateAsync(string tenant, string id, Func<WebhookSubscription, WebhookSubscription?> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!WebhookIds.IsSubscriptionId(id))
            {
                return null;
            }
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }
            var changed = change(WebhookSubscriptionEntity.FromEntity(row.Value!));
            if (changed is null)
            {
                return null;
            }
            try
            {
                await _table.UpdateEntityAsync(WebhookSubscriptionEntity.ToEntity(changed), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412 && attempt < MaxConflictRetries)
            {
                // Someone else changed it since we read it: read again and re-apply.
            }
        }
    }

    /// <summary>Deletes a subscription; false when it did not exist.</summary>
    public virtual async Task<bool> DeleteAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        if (!WebhookIds.IsSubscriptionId(id))
        {
            return false;
        }
        var response = await _table.DeleteEntityAsync(tenant, id, ETag.All, cancellationToken);
        return response.Status != 404;
    }
}
