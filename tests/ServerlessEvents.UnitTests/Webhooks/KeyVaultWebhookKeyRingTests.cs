using System.Security.Cryptography;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class KeyVaultWebhookKeyRingTests
{
    /// <summary>A vault holding versions of one secret; the last added is current. Counts the reads.</summary>
    private sealed class VersionedVault : SecretClient
    {
        private readonly List<(string Version, string Value)> _versions = [];

        public int Reads { get; private set; }

        public string Add(string value)
        {
            var version = Guid.NewGuid().ToString("N");
            _versions.Add((version, value));
            return version;
        }

        public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default)
        {
            Reads++;
            var found = version is null ? _versions.LastOrDefault() : _versions.FirstOrDefault(v => v.Version == version);
            if (found.Version is null)
            {
                throw new RequestFailedException(404, "SecretNotFound");
            }
            var properties = SecretModelFactory.SecretProperties(new Uri($"https://kv.vault.azure.net/secrets/{name}/{found.Version}"), new Uri("https://kv.vault.azure.net/"), name, found.Version);
            return Task.FromResult(Response.FromValue(SecretModelFactory.KeyVaultSecret(properties, found.Value), null!));
        }
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task The_current_version_encrypts_and_a_new_version_is_picked_up_after_the_refresh_interval_while_old_ones_decrypt()
    {
        var vault = new VersionedVault();
        var first = vault.Add(NewKey());
        var clock = new MovableClock(DateTimeOffset.UnixEpoch);
        var ring = new KeyVaultWebhookKeyRing(vault, Options.Create(new WebhookSecretProtectionOptions { SecretKeyRefreshInterval = TimeSpan.FromMinutes(10) }), clock);

        Assert.Equal(first, (await ring.GetActiveKeyAsync()).Id);
        var second = vault.Add(NewKey());
        Assert.Equal(first, (await ring.GetActiveKeyAsync()).Id);
        clock.Now += TimeSpan.FromMinutes(11);
        var active = await ring.GetActiveKeyAsync();

        Assert.Equal(second, active.Id);
        var old = await ring.GetKeyAsync(first);
        Assert.NotNull(old);
        var blob = WebhookSecretCipher.Encrypt(old!, "p", "r", [1, 2, 3]);
        Assert.Equal([1, 2, 3], WebhookSecretCipher.Decrypt((await ring.GetKeyAsync(first))!, "p", "r", blob));
        Assert.Equal(2, vault.Reads);
    }

    [Fact]
    public async Task An_unknown_version_is_no_key_and_a_missing_secret_is_a_dependency_not_yet_available()
    {
        var empty = new KeyVaultWebhookKeyRing(new VersionedVault(), Options.Create(new WebhookSecretProtectionOptions()), TimeProvider.System);

        Assert.Null(await empty.GetKeyAsync("0123456789abcdef0123456789abcdef"));
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => empty.GetActiveKeyAsync().AsTask());
    }

    [Fact]
    public async Task A_secret_that_is_not_32_bytes_of_base64_is_refused_without_showing_it()
    {
        var vault = new VersionedVault();
        vault.Add("not-a-key");
        var ring = new KeyVaultWebhookKeyRing(vault, Options.Create(new WebhookSecretProtectionOptions()), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ring.GetActiveKeyAsync().AsTask());
        Assert.DoesNotContain("not-a-key", ex.Message, StringComparison.Ordinal);
    }
}
