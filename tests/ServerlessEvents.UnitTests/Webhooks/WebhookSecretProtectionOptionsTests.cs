using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookSecretProtectionOptionsTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddWebhookSecretProtection(configuration);
        return services.BuildServiceProvider();
    }

    private static string Failure(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebhookSecretProtectionOptions>>().Value).Message;
    }

    [Fact]
    public void Without_any_key_encryption_key_start_up_fails_naming_both_settings()
    {
        var message = Failure([]);

        Assert.Contains("Webhooks__SecretKeyVaultUri", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks__SecretKeys__<keyId>", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused_without_echoing_it()
    {
        var short16 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        var message = Failure(new() { ["Webhooks:SecretKeys:k1"] = short16, ["Webhooks:ActiveSecretKeyId"] = "k1" });

        Assert.Contains("exactly 32 bytes", message, StringComparison.Ordinal);
        Assert.DoesNotContain(short16, message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_active_key_id_must_name_a_configured_key()
    {
        var message = Failure(new() { ["Webhooks:SecretKeys:k1"] = Key, ["Webhooks:ActiveSecretKeyId"] = "k2" });

        Assert.Contains("Webhooks__ActiveSecretKeyId", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vault_and_configured_keys_together_are_refused()
    {
        var message = Failure(new() { ["Webhooks:SecretKeys:k1"] = Key, ["Webhooks:ActiveSecretKeyId"] = "k1", ["Webhooks:SecretKeyVaultUri"] = "https://kv-x.vault.azure.net/" });

        Assert.Contains("not both", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_keys_select_the_configured_ring_with_the_active_id()
    {
        using var provider = Build(new() { ["Webhooks:SecretKeys:old"] = Key, ["Webhooks:SecretKeys:new-1"] = Key, ["Webhooks:ActiveSecretKeyId"] = "new-1" });

        var ring = Assert.IsType<ConfiguredWebhookKeyRing>(provider.GetRequiredService<WebhookKeyRing>());

        Assert.Equal("new-1", (await ring.GetActiveKeyAsync()).Id);
        Assert.NotNull(await ring.GetKeyAsync("old"));
        Assert.Null(await ring.GetKeyAsync("other"));
    }

    [Fact]
    public void A_vault_uri_selects_the_key_vault_ring()
    {
        using var provider = Build(new() { ["Webhooks:SecretKeyVaultUri"] = "https://kv-x.vault.azure.net/" });

        Assert.IsType<KeyVaultWebhookKeyRing>(provider.GetRequiredService<WebhookKeyRing>());
    }

    [Fact]
    public void Defaults_are_the_documented_values()
    {
        var options = new WebhookSecretProtectionOptions();

        Assert.Equal("webhook-secret-kek", options.SecretKeyVaultSecretName);
        Assert.Equal(TimeSpan.FromMinutes(10), options.SecretKeyRefreshInterval);
        Assert.Empty(options.SecretKeys);
        Assert.Null(options.ActiveSecretKeyId);
        Assert.Null(options.SecretKeyVaultUri);
    }

    [Fact]
    public void Cipher_round_trips_and_a_flipped_bit_anywhere_fails_closed()
    {
        var kek = new WebhookKeyEncryptionKey("k1", RandomNumberGenerator.GetBytes(32));
        var plaintext = "whsec_plaintext-under-test"u8.ToArray();
        var blob = WebhookSecretCipher.Encrypt(kek, "t|whk_1", "0001", plaintext);

        Assert.Equal(plaintext, WebhookSecretCipher.Decrypt(kek, "t|whk_1", "0001", blob));
        for (var i = 0; i < blob.Length; i++)
        {
            var altered = (byte[])blob.Clone();
            altered[i] ^= 0x80;
            Assert.ThrowsAny<CryptographicException>(() => WebhookSecretCipher.Decrypt(kek, "t|whk_1", "0001", altered));
        }
        Assert.ThrowsAny<CryptographicException>(() => WebhookSecretCipher.Decrypt(kek, "t|whk_1", "0002", blob));
        Assert.ThrowsAny<CryptographicException>(() => WebhookSecretCipher.Decrypt(kek, "t|whk_1", "0001", blob[..20]));
    }
}
