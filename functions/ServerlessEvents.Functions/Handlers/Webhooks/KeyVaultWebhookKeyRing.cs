using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Keys from one Key Vault secret (<see cref="WebhookSecretProtectionOptions.SecretKeyVaultSecretName"/>): each version is
/// a key whose id is the version id. The current version encrypts (looked up again every
/// <see cref="WebhookSecretProtectionOptions.SecretKeyRefreshInterval"/>, so a rotation — a new version — is picked up
/// without a restart); older versions are fetched by id to decrypt. Versions are immutable, so each is cached once read.
/// </summary>
public sealed class KeyVaultWebhookKeyRing : WebhookKeyRing
{
    private readonly SecretClient _client;
    private readonly string _name;
    private readonly TimeSpan _refresh;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, WebhookKeyEncryptionKey> _versions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (WebhookKeyEncryptionKey Key, DateTimeOffset ReadAt)? _active;

    /// <summary>Creates the ring over <paramref name="client"/> (a client of the vault in the options).</summary>
    public KeyVaultWebhookKeyRing(SecretClient client, IOptions<WebhookSecretProtectionOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _name = options.Value.SecretKeyVaultSecretName;
        _refresh = options.Value.SecretKeyRefreshInterval;
        _time = time;
    }

    /// <inheritdoc />
    public override async ValueTask<WebhookKeyEncryptionKey> GetActiveKeyAsync(CancellationToken cancellationToken = default)
    {
        if (_active is { } cached && _time.GetUtcNow() - cached.ReadAt < _refresh)
        {
            return cached.Key;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_active is { } again && _time.GetUtcNow() - again.ReadAt < _refresh)
            {
                return again.Key;
            }
            KeyVaultSecret secret;
            try
            {
                secret = (await _client.GetSecretAsync(_name, version: null, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                throw new DependencyUnavailableException($"The Key Vault secret '{_name}' (the webhook secret key-encryption key) does not exist yet; the deployment's postdeploy hook creates it.", ex);
            }
            var key = ToKey(secret);
            _versions.TryAdd(key.Id, key);
            _active = (key, _time.GetUtcNow());
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override async ValueTask<WebhookKeyEncryptionKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (_versions.TryGetValue(keyId, out var known))
        {
            return known;
        }
        if (!WebhookKeyEncryptionKey.IsValidId(keyId))
        {
            return null;
        }
        try
        {
            var key = ToKey((await _client.GetSecretAsync(_name, keyId, cancellationToken).ConfigureAwait(false)).Value);
            return _versions.GetOrAdd(key.Id, key);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private WebhookKeyEncryptionKey ToKey(KeyVaultSecret secret) =>
        WebhookKeyEncryptionKey.TryDecode(secret.Value, out var bytes) && WebhookKeyEncryptionKey.IsValidId(secret.Properties.Version)
            ? new WebhookKeyEncryptionKey(secret.Properties.Version, bytes)
            : throw new InvalidOperationException($"The Key Vault secret '{_name}' must hold base64 of exactly {WebhookKeyEncryptionKey.KeyBytes} bytes.");
}
