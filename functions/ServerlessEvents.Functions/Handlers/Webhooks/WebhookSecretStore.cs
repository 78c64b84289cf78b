using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Signing keys in their own table, <c>WebhookSecrets</c> (partition = <c>{tenant}|{subscription id}</c>, row = creation
/// ticks), kept apart from the subscriptions so that listing, reading and logging subscriptions never touches key
/// material. Each secret is stored encrypted (<see cref="WebhookSecretCipher"/>: AES-256-GCM bound to its row) under the
/// active key of the <see cref="WebhookKeyRing"/>, with that key's id beside it (<c>SecretKeyId</c>, <c>SecretCiphertext</c>).
/// Rows written before encryption (<c>Secret</c> in clear) are still read until <see cref="WebhookSecretSweep"/> has
/// encrypted them (<see cref="EncryptLegacyRowsAsync"/>).
/// </summary>
public class WebhookSecretStore(TableServiceClient tables, WebhookKeyRing keys)
{
    /// <summary>Partition of the sweep's checkpoint row (sorts after every tenant partition).</summary>
    public const string CheckpointPartition = "~checkpoint";

    private const string LegacySecret = "Secret", KeyId = "SecretKeyId", Ciphertext = "SecretCiphertext";

    private readonly TableClient _table = tables.GetTableClient(TableNames.WebhookSecrets);

    /// <summary>Adds a key created at <paramref name="createdAt"/>, encrypted under the active key-encryption key.</summary>
    public virtual async Task AddAsync(string tenant, string subscriptionId, WebhookSecret secret, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var entity = new TableEntity(Partition(tenant, subscriptionId), WebhookIds.Ticks(createdAt.UtcTicks))
        {
            ["Fingerprint"] = secret.Fingerprint,
            ["CreatedAt"] = createdAt,
        };
        await ProtectAsync(entity, secret, cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every stored key of the subscription.</summary>
    /// <exception cref="CryptographicException">A stored secret was altered or its key id is unknown (fails closed).</exception>
    public virtual async Task<IReadOnlyList<WebhookSigningKey>> GetKeysAsync(string tenant, string subscriptionId, CancellationToken cancellationToken = default)
    {
        var result = new List<WebhookSigningKey>();
        var partition = Partition(tenant, subscriptionId);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            result.Add(new WebhookSigningKey(await RevealAsync(row, cancellationToken).ConfigureAwait(false), row.GetDateTimeOffset("CreatedAt") ?? default));
        }
        return result;
    }

    /// <summary>Deletes every key of the subscription.</summary>
    public virtual async Task DeleteAllAsync(string tenant, string subscriptionId, CancellationToken cancellationToken = default)
    {
        var partition = Partition(tenant, subscriptionId);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(partition, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the key created at <paramref name="createdAt"/>.</summary>
    public virtual async Task DeleteKeyAsync(string tenant, string subscriptionId, DateTimeOffset createdAt, CancellationToken cancellationToken = default) =>
        await _table.DeleteEntityAsync(Partition(tenant, subscriptionId), WebhookIds.Ticks(createdAt.UtcTicks), ETag.All, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Encrypts every row still holding its secret in clear, in partition order from <paramref name="fromPartition"/>
    /// (inclusive; null for the start), calling <paramref name="partitionDone"/> after each partition so a caller can
    /// checkpoint. Idempotent: encrypted rows are skipped, and each row is replaced only if unchanged since it was read.
    /// </summary>
    /// <returns>How many rows were encrypted.</returns>
    public virtual async Task<int> EncryptLegacyRowsAsync(string? fromPartition, Func<string, CancellationToken, Task> partitionDone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionDone);
        var filter = fromPartition is null ? null : TableClient.CreateQueryFilter($"PartitionKey ge {fromPartition}");
        var encrypted = 0;
        string? current = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.PartitionKey == CheckpointPartition)
            {
                continue;
            }
            if (current is not null && current != row.PartitionKey)
            {
                await partitionDone(current, cancellationToken).ConfigureAwait(false);
            }
            current = row.PartitionKey;
            if (row.GetBinary(Ciphertext) is not null || row.GetString(LegacySecret) is not { } clear)
            {
                continue;
            }
            var secret = WebhookSecret.Parse(clear);
            var replacement = new TableEntity(row.PartitionKey, row.RowKey)
            {
                ["Fingerprint"] = secret.Fingerprint,
                ["CreatedAt"] = row.GetDateTimeOffset("CreatedAt"),
            };
            await ProtectAsync(replacement, secret, cancellationToken).ConfigureAwait(false);
            try
            {
                await _table.UpdateEntityAsync(replacement, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                encrypted++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Deleted or rewritten meanwhile: whoever wrote it wrote it encrypted.
            }
        }
        if (current is not null)
        {
            await partitionDone(current, cancellationToken).ConfigureAwait(false);
        }
        return encrypted;
    }

    private async Task ProtectAsync(TableEntity entity, WebhookSecret secret, CancellationToken cancellationToken)
    {
        var key = await keys.GetActiveKeyAsync(cancellationToken).ConfigureAwait(false);
        var plaintext = Encoding.UTF8.GetBytes(secret.Reveal());
        try
        {
            entity[KeyId] = key.Id;
            entity[Ciphertext] = WebhookSecretCipher.Encrypt(key, entity.PartitionKey, entity.RowKey, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async Task<WebhookSecret> RevealAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetBinary(Ciphertext) is not { } blob)
        {
            return row.GetString(LegacySecret) is { } clear
                ? WebhookSecret.Parse(clear)
                : throw new CryptographicException($"Webhook secret row {row.PartitionKey}/{row.RowKey} has no secret.");
        }
        var keyId = row.GetString(KeyId);
        var key = (keyId is null ? null : await keys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false))
            ?? throw new CryptographicException($"Webhook secret row {row.PartitionKey}/{row.RowKey} is encrypted under key id '{keyId}', which is not configured.");
        var plaintext = WebhookSecretCipher.Decrypt(key, row.PartitionKey, row.RowKey, blob);
        try
        {
            return WebhookSecret.TryParse(Encoding.UTF8.GetString(plaintext), out var secret)
                ? secret
                : throw new CryptographicException($"Webhook secret row {row.PartitionKey}/{row.RowKey} does not decrypt to a secret.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static string Partition(string tenant, string subscriptionId) => tenant + "|" + subscriptionId;
}
