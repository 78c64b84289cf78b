using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Signing keys in their own table, <c>WebhookSecrets</c> (partition = <c>{tenant}|{subscription id}</c>, row = creation
/// ticks). Kept apart from the subscriptions so that listing, reading and logging subscriptions never touches key
/// material, and so access to this one table can be scoped separately. Stored as the <c>whsec_</c> text, not encrypted:
/// see docs/webhooks.md for the trade-off (a real deployment would keep them in Key Vault).
/// </summary>
public class WebhookSecretStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.WebhookSecrets);

    /// <summary>Adds a key created at <paramref name="createdAt"/>.</summary>
    public virtual async Task AddAsync(string tenant, string subscriptionId, WebhookSecret secret, DateTimeOffset createdAt, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(new TableEntity(Partition(tenant, subscriptionId), WebhookIds.Ticks(createdAt.UtcTicks))
        {
            ["Secret"] = secret.Reveal(),
            ["Fingerprint"] = secret.Fingerprint,
            ["CreatedAt"] = createdAt,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every stored key of the subscription.</summary>
    public virtual async Task<IReadOnlyList<WebhookSigningKey>> GetKeysAsync(string tenant, string subscriptionId, CancellationToken cancellationToken = default)
    {
        var keys = new List<WebhookSigningKey>();
        var partition = Partition(tenant, subscriptionId);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            keys.Add(new WebhookSigningKey(WebhookSecret.Parse(row.GetString("Secret")!), row.GetDateTimeOffset("CreatedAt") ?? default));
        }
        return keys;
    }

    /// <summary>Deletes every key of the subscription.</summary>
    public virtual async Task DeleteAllAsync(string tenant, string subscriptionId, CancellationToken cancellationToken = default)
    {
        foreach (var key in await GetKeysAsync(tenant, subscriptionId, cancellationToken))
        {
            await DeleteKeyAsync(tenant, subscriptionId, key.CreatedAt, cancellationToken);
        }
    }

    /// <summary>Deletes the key created at <paramref name="createdAt"/>.</summary>
    public virtual async Task DeleteKeyAsync(string tenant, string subscriptionId, DateTimeOffset createdAt, CancellationToken cancellationToken = default) =>
        await _table.DeleteEntityAsync(Partition(tenant, subscriptionId), WebhookIds.Ticks(createdAt.UtcTicks), ETag.All, cancellationToken);

    private static string Partition(string tenant, string subscriptionId) => tenant + "|" + subscriptionId;
}
