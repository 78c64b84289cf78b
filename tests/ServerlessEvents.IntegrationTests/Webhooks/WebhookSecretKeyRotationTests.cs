using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>Key-encryption key rotation and tampering, through <see cref="WebhookSecretStore"/> against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookSecretKeyRotationTests(AzuriteFixture azurite)
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static WebhookKeyRing Ring(string active, params (string Id, string Key)[] keys) =>
        new ConfiguredWebhookKeyRing(Options.Create(new WebhookSecretProtectionOptions
        {
            SecretKeys = keys.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal),
            ActiveSecretKeyId = active,
        }));

    private async Task<WebhookSecretStore> StoreAsync(WebhookKeyRing ring)
    {
        await azurite.TableServiceClient.GetTableClient(TableNames.WebhookSecrets).CreateIfNotExistsAsync();
        return new WebhookSecretStore(azurite.TableServiceClient, ring);
    }

    private async Task<List<TableEntity>> RowsAsync(string tenant, string id)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableServiceClient.GetTableClient(TableNames.WebhookSecrets).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant + "|" + id}")))
        {
            rows.Add(row);
        }
        return rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    private static string NewTenant() => "rot" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task After_rotation_old_key_ids_still_decrypt_and_new_writes_use_the_new_id()
    {
        var tenant = NewTenant();
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();
        var before = await StoreAsync(Ring("key-a", ("key-a", KeyA)));
        await before.AddAsync(tenant, "whk_1", first, DateTimeOffset.UtcNow.AddMinutes(-1));

        var after = await StoreAsync(Ring("key-b", ("key-a", KeyA), ("key-b", KeyB)));
        await after.AddAsync(tenant, "whk_1", second, DateTimeOffset.UtcNow);

        var rows = await RowsAsync(tenant, "whk_1");
        Assert.Equal(["key-a", "key-b"], rows.Select(r => r.GetString("SecretKeyId")));
        var keys = await after.GetKeysAsync(tenant, "whk_1");
        Assert.Equal(
            new[] { first.Reveal(), second.Reveal() }.Order(StringComparer.Ordinal),
            keys.Select(k => k.Secret.Reveal()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_secret_under_a_key_id_that_is_no_longer_configured_fails_closed()
    {
        var tenant = NewTenant();
        await (await StoreAsync(Ring("key-a", ("key-a", KeyA)))).AddAsync(tenant, "whk_2", WebhookSecret.Generate(), DateTimeOffset.UtcNow);

        var withoutA = await StoreAsync(Ring("key-b", ("key-b", KeyB)));

        var ex = await Assert.ThrowsAnyAsync<CryptographicException>(() => withoutA.GetKeysAsync(tenant, "whk_2"));
        Assert.Contains("key-a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_row_or_relabelled_with_another_key_id_does_not_decrypt()
    {
        var tenant = NewTenant();
        var ring = Ring("key-a", ("key-a", KeyA), ("key-b", KeyA));
        var store = await StoreAsync(ring);
        await store.AddAsync(tenant, "whk_3", WebhookSecret.Generate(), DateTimeOffset.UtcNow);
        var table = azurite.TableServiceClient.GetTableClient(TableNames.WebhookSecrets);
        var row = Assert.Single(await RowsAsync(tenant, "whk_3"));

        var moved = new TableEntity(tenant + "|whk_4", row.RowKey) { ["SecretKeyId"] = "key-a", ["SecretCiphertext"] = row.GetBinary("SecretCiphertext"), ["CreatedAt"] = row.GetDateTimeOffset("CreatedAt") };
        await table.UpsertEntityAsync(moved, TableUpdateMode.Replace);
        row["SecretKeyId"] = "key-b"; // same key bytes, other id: the id is bound too
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetKeysAsync(tenant, "whk_4"));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetKeysAsync(tenant, "whk_3"));
    }

    [Fact]
    public async Task Each_write_uses_a_fresh_nonce()
    {
        var tenant = NewTenant();
        var store = await StoreAsync(Ring("key-a", ("key-a", KeyA)));
        var secret = WebhookSecret.Generate();
        var at = DateTimeOffset.UtcNow;

        await store.AddAsync(tenant, "whk_5", secret, at);
        var one = Assert.Single(await RowsAsync(tenant, "whk_5")).GetBinary("SecretCiphertext")!;
        await store.AddAsync(tenant, "whk_5", secret, at);
        var two = Assert.Single(await RowsAsync(tenant, "whk_5")).GetBinary("SecretCiphertext")!;

        Assert.NotEqual(one[..WebhookSecretCipher.NonceBytes], two[..WebhookSecretCipher.NonceBytes]);
        Assert.Equal(secret.Reveal(), Assert.Single(await store.GetKeysAsync(tenant, "whk_5")).Secret.Reveal());
    }
}
