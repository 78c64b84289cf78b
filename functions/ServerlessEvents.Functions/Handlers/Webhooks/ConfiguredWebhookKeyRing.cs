using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Keys from <see cref="WebhookSecretProtectionOptions.SecretKeys"/>; the active one is <see cref="WebhookSecretProtectionOptions.ActiveSecretKeyId"/>.</summary>
public sealed class ConfiguredWebhookKeyRing : WebhookKeyRing
{
    private readonly Dictionary<string, WebhookKeyEncryptionKey> _keys;
    private readonly WebhookKeyEncryptionKey _active;

    /// <summary>Creates the ring from validated options.</summary>
    public ConfiguredWebhookKeyRing(IOptions<WebhookSecretProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _keys = new Dictionary<string, WebhookKeyEncryptionKey>(StringComparer.Ordinal);
        foreach (var (id, base64) in value.SecretKeys)
        {
            if (!WebhookKeyEncryptionKey.TryDecode(base64, out var key))
            {
                throw new InvalidOperationException($"Webhooks__SecretKeys__{id} must be base64 of exactly {WebhookKeyEncryptionKey.KeyBytes} bytes.");
            }
            _keys[id] = new WebhookKeyEncryptionKey(id, key);
        }
        _active = value.ActiveSecretKeyId is { } active && _keys.TryGetValue(active, out var found)
            ? found
            : throw new InvalidOperationException("Webhooks__ActiveSecretKeyId must name one of the Webhooks__SecretKeys__<keyId> entries.");
    }

    /// <inheritdoc />
    public override ValueTask<WebhookKeyEncryptionKey> GetActiveKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_active);

    /// <inheritdoc />
    public override ValueTask<WebhookKeyEncryptionKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_keys.GetValueOrDefault(keyId));
}
