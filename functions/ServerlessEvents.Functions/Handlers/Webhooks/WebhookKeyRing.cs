namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The key-encryption keys for webhook signing secrets: the active one encrypts, any known id decrypts.
/// Implementations: <see cref="ConfiguredWebhookKeyRing"/> (configuration) and <see cref="KeyVaultWebhookKeyRing"/> (Key Vault).
/// </summary>
public abstract class WebhookKeyRing
{
    /// <summary>The key new ciphertexts are written with.</summary>
    public abstract ValueTask<WebhookKeyEncryptionKey> GetActiveKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>The key with id <paramref name="keyId"/>, or null when the ring does not know it.</summary>
    public abstract ValueTask<WebhookKeyEncryptionKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default);
}
