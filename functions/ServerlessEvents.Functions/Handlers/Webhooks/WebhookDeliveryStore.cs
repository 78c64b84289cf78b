using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Deliveries in <c>WebhookDeliveries</c>. Partition <c>{tenant}|{subscription}</c> holds, per delivery, a pointer row
/// <c>id|{deliveryId}</c> (inserted with the delivery in one transaction, so a redelivered event creates nothing) and
/// the delivery row <c>t|{inverted ticks}|{deliveryId}</c> (newest first). Partition <c>{tenant}|~undelivered</c> indexes
/// deliveries not yet delivered by creation time; the delivery row stays authoritative. Thread-safe.
/// </summary>
public partial class WebhookDeliveryStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.WebhookDeliveries);

    /// <summary>Creates the delivery; null when it exists already, with the existing one returned instead.</summary>
    public virtual async Task<(bool Created, WebhookDelivery Delivery)> CreateAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        var partition = WebhookIds.DeliveryPartition(delivery.Tenant, delivery.SubscriptionId);
        var pointer = new TableEntity(partition, WebhookIds.PointerRow(delivery.Id)) { ["CreatedTicks"] = delivery.CreatedAt.UtcTicks };
        try
        {
            var responses = await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, pointer), new TableTransactionAction(TableTransactionActionType.Add, WebhookDeliveryEntity.ToEntity(delivery))],
                cancellationToken);
            await IndexUndeliveredAsync(delivery, cancellationToken);
            return (true, delivery with { ETag = responses.Value[1].Headers.ETag ?? default });
        }
        catch (TableTransactionFailedException exists) when (exists.Status == 409 && exists.FailedTransactionActionIndex is null or 0)
        {
            var existing = await GetAsync(delivery.Tenant, delivery.SubscriptionId, delivery.Id, cancellationToken)
                ?? throw new RequestFailedException(503, "The delivery exists but could not be read back; retry.");
            return (false, existing);
        }
    }

    /// <summary>A delivery by id, or null.</summary>
    public virtual async Task<WebhookDelivery?> GetAsync(string tenant, string subscriptionId, string deliveryId, CancellationToken cancellationToken = default)
    {
        if (!WebhookIds.IsDeliveryId(deliveryId))
        {
            return null;
        }
        var partition = WebhookIds.DeliveryPartition(tenant, subscriptionId);
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(partition, WebhookIds.PointerRow(deliveryId), cancellationToken: cancellationToken);
        return pointer.HasValue ? await GetAsync(tenant, subscriptionId, pointer.Value!.GetInt64("CreatedTicks") ?? 0, deliveryId, cancellationToken) : null;
    }

    /// <summary>A delivery by id and creation ticks (as a retry message carries them), or null.</summary>
    public virtual async Task<WebhookDelivery?> GetAsync(string tenant, string subscriptionId, long createdTicks, string deliveryId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            WebhookIds.DeliveryPartition(tenant, subscriptionId), WebhookIds.DeliveryRow(createdTicks, deliveryId), cancellationToken: cancellationToken);
        return row.HasValue ? WebhookDeliveryEntity.FromEntity(row.Value!) : null;
    }

    /// <summary>
    /// Writes a changed delivery if nobody changed it since it was read (its ETag); false on such a conflict.
    /// Keeps the undelivered index in step (best effort: readers check the delivery row).
    /// </summary>
    public virtual async Task<bool> SaveAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.UpdateEntityAsync(WebhookDeliveryEntity.ToEntity(delivery), delivery.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status is 412 or 404)
        {
            return false;
        }
        if (delivery.Status == WebhookDeliveryStatus.Delivered)
        {
            await _table.DeleteEntityAsync(WebhookIds.UndeliveredPartition(delivery.Tenant),
                WebhookIds.UndeliveredRow(delivery.CreatedAt.UtcTicks, delivery.SubscriptionId, delivery.Id), ETag.All, cancellationToken);
        }
        else
        {
            await IndexUndeliveredAsync(delivery, cancellationToken);
        }
        return true;
    }

    private async Task IndexUndeliveredAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(WebhookIds.UndeliveredPartition(delivery.Tenant),
            WebhookIds.UndeliveredRow(delivery.CreatedAt.UtcTicks, delivery.SubscriptionId, delivery.Id)), TableUpdateMode.Replace, cancellationToken);
}
