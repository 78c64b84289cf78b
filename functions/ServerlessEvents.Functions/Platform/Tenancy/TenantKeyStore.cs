using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>
/// Tenants and their API keys in the <c>Tenants</c> table. Rows: <c>(apikey, {hash})</c> resolves a key;
/// <c>(tenant|{id}, key|{keyId})</c> lists a tenant's keys; <c>(tenants, {id})</c> lists tenants.
/// </summary>
public class TenantKeyStore(TableServiceClient tables, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string KeyPartition = "apikey";
    private const string TenantsPartition = "tenants";
    private readonly TableClient _table = tables.GetTableClient(TableNames.Tenants);
    private readonly ConcurrentDictionary<string, (TenantContext? Caller, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a key for a tenant (creating the tenant on first use). The key is returned only here.</summary>
    public virtual async Task<CreatedApiKey> CreateKeyAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var key = ApiKeys.Generate();
        var keyId = ApiKeys.NewKeyId();
        var hash = ApiKeys.Hash(key);
        var now = clock.GetUtcNow();
        await _table.UpsertEntityAsync(new TableEntity(TenantsPartition, tenant) { ["CreatedAt"] = now }, TableUpdateMode.Merge, cancellationToken);
        await _table.AddEntityAsync(new TableEntity(KeyPartition, hash) { ["Tenant"] = tenant, ["KeyId"] = keyId, ["CreatedAt"] = now }, cancellationToken);
        await _table.AddEntityAsync(new TableEntity(TenantPartition(tenant), "key|" + keyId) { ["Hash"] = hash, ["CreatedAt"] = now }, cancellationToken);
        return new CreatedApiKey(tenant, keyId, key, now);
    }

    /// <summary>Revokes a key; false when the tenant has no such key.</summary>
    public virtual async Task<bool> RevokeKeyAsync(string tenant, string keyId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TenantPartition(tenant), "key|" + keyId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }
        var hash = row.Value!.GetString("Hash")!;
        await _table.DeleteEntityAsync(KeyPartition, hash, cancellationToken: cancellationToken);
        await _table.DeleteEntityAsync(TenantPartition(tenant), "key|" + keyId, cancellationToken: cancellationToken);
        _cache.TryRemove(hash, out _);
        return true;
    }

    /// <summary>The caller a presented key belongs to, or null for an unknown or revoked key.</summary>
    public virtual async Task<TenantContext?> ResolveAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        var hash = ApiKeys.Hash(presentedKey);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Expires > now)
        {
            return cached.Caller;
        }
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyPartition, hash, cancellationToken: cancellationToken);
        var caller = row.HasValue ? new TenantContext(row.Value!.GetString("Tenant"), row.Value.GetString("KeyId")) : null;
        if (options.Value.KeyCacheSeconds > 0)
        {
            _cache[hash] = (caller, now.AddSeconds(options.Value.KeyCacheSeconds));
        }
        return caller;
    }

    /// <summary>Every tenant that has ever had a key (for sweepers that work tenant by tenant).</summary>
    public virtual async IAsyncEnumerable<string> ListTenantsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TenantsPartition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }

    private static string TenantPartition(string tenant) => "tenant|" + tenant;
}
