using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>Signing secrets as the raw <c>WebhookSecrets</c> table in Azurite holds them, through the running app.</summary>
[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookSecretsAtRestTests(WebhookPipelineFixture pipeline)
{
    private TableClient Raw => pipeline.Azurite.TableServiceClient.GetTableClient(TableNames.WebhookSecrets);

    private async Task<List<TableEntity>> RowsAsync(string tenant, string id)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Raw.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant + "|" + id}")))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Fails when the secret, its base64 key or the key bytes appear in any property of the row.</summary>
    private static void AssertNotInClear(TableEntity row, string secret)
    {
        var base64 = secret[WebhookSecret.Prefix.Length..];
        var keyBytes = Convert.FromBase64String(base64);
        foreach (var (name, value) in row)
        {
            switch (value)
            {
                case string text:
                    Assert.DoesNotContain(base64, text, StringComparison.Ordinal);
                    break;
                case byte[] bytes:
                    Assert.True(bytes.AsSpan().IndexOf(keyBytes) < 0, $"{name} holds the key bytes");
                    Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(base64)) < 0, $"{name} holds the key text");
                    break;
            }
        }
    }

    [Fact]
    public async Task A_created_webhook_secret_is_stored_only_encrypted_under_the_active_key_id()
    {
        using var tenant = await pipeline.CreateTenantAsync("rest");

        var hook = await WebhookApi.CreateAsync(tenant, new Uri("https://hooks.example.com/at-rest"), ["order.created"]);

        var row = Assert.Single(await RowsAsync(tenant.Tenant, hook.Id));
        AssertNotInClear(row, hook.Secret);
        Assert.False(row.ContainsKey("Secret"));
        Assert.Equal(PipelineFixture.SecretKeyId, row.GetString("SecretKeyId"));
        Assert.True(row.GetBinary("SecretCiphertext")!.Length >= WebhookSecretCipher.NonceBytes + WebhookSecretCipher.TagBytes + 1);
    }

    [Fact]
    public async Task The_sweep_encrypts_rows_written_in_clear_and_deliveries_still_verify()
    {
        using var tenant = await pipeline.CreateTenantAsync("sweep");
        await using var receiver = await ScriptedReceiver.AlwaysAsync(204);
        var hook = await WebhookApi.CreateAsync(tenant, receiver.Url("/swept"), ["order.created"]);
        var encrypted = Assert.Single(await RowsAsync(tenant.Tenant, hook.Id));
        // The row as it was written before encryption at rest: the secret in clear.
        await Raw.UpsertEntityAsync(new TableEntity(encrypted.PartitionKey, encrypted.RowKey)
        {
            ["Secret"] = hook.Secret,
            ["Fingerprint"] = encrypted.GetString("Fingerprint"),
            ["CreatedAt"] = encrypted.GetDateTimeOffset("CreatedAt"),
        }, TableUpdateMode.Replace);
        await Raw.DeleteEntityAsync(WebhookSecretStore.CheckpointPartition, WebhookSecretSweep.CheckpointRow);
        Assert.Equal(hook.Secret, (await RowsAsync(tenant.Tenant, hook.Id))[0].GetString("Secret"));
        var sweep = pipeline.Host.Services.GetRequiredService<WebhookSecretSweep>();

        Assert.True(await sweep.RunAsync());

        var row = Assert.Single(await RowsAsync(tenant.Tenant, hook.Id));
        AssertNotInClear(row, hook.Secret);
        Assert.False(row.ContainsKey("Secret"));
        Assert.Equal(PipelineFixture.SecretKeyId, row.GetString("SecretKeyId"));
        var checkpoint = (await Raw.GetEntityAsync<TableEntity>(WebhookSecretStore.CheckpointPartition, WebhookSecretSweep.CheckpointRow)).Value;
        Assert.True(checkpoint.GetBoolean("Done"));
        Assert.False(await sweep.RunAsync());

        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("swept-" + Guid.NewGuid().ToString("N")));
        await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 1), "the swept subscription delivered");
        var request = receiver.Requests.First();
        Assert.True(ReceiverVerification.Verifies(request, hook.Secret));
    }

    [Fact]
    public async Task A_sweep_resumes_from_its_checkpoint_and_skips_rows_already_encrypted()
    {
        using var tenant = await pipeline.CreateTenantAsync("resume");
        var hook = await WebhookApi.CreateAsync(tenant, new Uri("https://hooks.example.com/resume"), ["order.created"]);
        var before = Assert.Single(await RowsAsync(tenant.Tenant, hook.Id));
        await Raw.UpsertEntityAsync(new TableEntity(WebhookSecretStore.CheckpointPartition, WebhookSecretSweep.CheckpointRow)
        {
            ["Partition"] = before.PartitionKey,
            ["Done"] = false,
        }, TableUpdateMode.Replace);

        Assert.True(await pipeline.Host.Services.GetRequiredService<WebhookSecretSweep>().RunAsync());

        var after = Assert.Single(await RowsAsync(tenant.Tenant, hook.Id));
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.GetBinary("SecretCiphertext"), after.GetBinary("SecretCiphertext"));
    }

    [Fact]
    public async Task A_tampered_ciphertext_fails_closed_and_nothing_is_signed_with_it()
    {
        using var tenant = await pipeline.CreateTenantAsync("tamper");
        await using var receiver = await ScriptedReceiver.AlwaysAsync(204);
        var hook = await WebhookApi.CreateAsync(tenant, receiver.Url("/tampered"), ["order.created"]);
        var row = Assert.Single(await RowsAsync(tenant.Tenant, hook.Id));
        var blob = row.GetBinary("SecretCiphertext")!;
        blob[^1] ^= 0x01;
        row["SecretCiphertext"] = blob;
        await Raw.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var store = pipeline.Host.Services.GetRequiredService<WebhookSecretStore>();

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => store.GetKeysAsync(tenant.Tenant, hook.Id));

        await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("tamper-" + Guid.NewGuid().ToString("N")));
        System.Text.Json.Nodes.JsonNode? delivery = null;
        await WebhookApi.WaitUntilAsync(async () =>
        {
            var items = await WebhookApi.DeliveriesAsync(tenant, hook.Id);
            delivery = items.Count == 1 ? items[0] : null;
            return delivery?["status"]?.GetValue<string>() == "failed";
        }, "the delivery failed closed");
        Assert.Contains("could not be decrypted", delivery!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }
}
