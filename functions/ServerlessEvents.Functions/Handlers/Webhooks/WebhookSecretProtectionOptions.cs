using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Where the key-encryption keys (KEKs) that protect webhook signing secrets at rest come from, bound from the
/// <c>Webhooks</c> section. Exactly one source: a Key Vault secret (<see cref="SecretKeyVaultUri"/>, in Azure) or keys in
/// configuration (<see cref="SecretKeys"/> and <see cref="ActiveSecretKeyId"/>, locally). Without either the app does not start.
/// </summary>
public sealed class WebhookSecretProtectionOptions : IValidatableObject
{
    /// <summary>The configuration section (shared with <see cref="WebhookOptions"/>).</summary>
    public const string SectionName = "Webhooks";

    /// <summary>Default <see cref="SecretKeyVaultSecretName"/>.</summary>
    public const string DefaultKeyVaultSecretName = "webhook-secret-kek";

    /// <summary>
    /// Configured KEKs: key id (1–64 of <c>A-Z a-z 0-9 -</c>) to base64 of 32 random bytes
    /// (<c>Webhooks__SecretKeys__&lt;keyId&gt;</c>). Every listed key decrypts; <see cref="ActiveSecretKeyId"/> encrypts. Default none.
    /// </summary>
    public Dictionary<string, string> SecretKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id in <see cref="SecretKeys"/> that encrypts new secrets. Required with <see cref="SecretKeys"/>.</summary>
    public string? ActiveSecretKeyId { get; set; }

    /// <summary>
    /// The Key Vault (<c>https://&lt;name&gt;.vault.azure.net/</c>) holding the KEK as the secret
    /// <see cref="SecretKeyVaultSecretName"/>; read with the app's managed identity. Each version of that secret is a key
    /// id; the current version encrypts, older versions still decrypt. Default none (keys from configuration).
    /// </summary>
    public Uri? SecretKeyVaultUri { get; set; }

    /// <summary>The Key Vault secret holding the KEK (base64 of 32 bytes). Default <see cref="DefaultKeyVaultSecretName"/>.</summary>
    [Required]
    [RegularExpression("^[0-9A-Za-z-]{1,127}$")]
    public string SecretKeyVaultSecretName { get; set; } = DefaultKeyVaultSecretName;

    /// <summary>How long the current Key Vault version is cached before it is looked up again (rotation pick-up). Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan SecretKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var configured = SecretKeys.Count > 0 || !string.IsNullOrEmpty(ActiveSecretKeyId);
        if (SecretKeyVaultUri is null && !configured)
        {
            yield return new ValidationResult(
                "Webhook signing secrets are encrypted at rest and no key-encryption key is configured: set Webhooks__SecretKeyVaultUri " +
                "(Azure) or Webhooks__SecretKeys__<keyId> (base64 of 32 random bytes) and Webhooks__ActiveSecretKeyId (local).",
                [nameof(SecretKeyVaultUri), nameof(SecretKeys)]);
            yield break;
        }
        if (SecretKeyVaultUri is not null && configured)
        {
            yield return new ValidationResult("Set either Webhooks__SecretKeyVaultUri or Webhooks__SecretKeys__*, not both.", [nameof(SecretKeyVaultUri)]);
            yield break;
        }
        if (SecretKeyVaultUri is { } vault && (!vault.IsAbsoluteUri || vault.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Webhooks__SecretKeyVaultUri must be an absolute https URI.", [nameof(SecretKeyVaultUri)]);
        }
        if (!configured)
        {
            yield break;
        }
        foreach (var (id, value) in SecretKeys)
        {
            if (!WebhookKeyEncryptionKey.IsValidId(id))
            {
                yield return new ValidationResult($"Webhooks__SecretKeys__{id}: a key id is 1-64 of A-Z a-z 0-9 -.", [nameof(SecretKeys)]);
            }
            else if (!WebhookKeyEncryptionKey.TryDecode(value, out _))
            {
                // Never echo the value: it is key material.
                yield return new ValidationResult($"Webhooks__SecretKeys__{id} must be base64 of exactly {WebhookKeyEncryptionKey.KeyBytes} bytes.", [nameof(SecretKeys)]);
            }
        }
        if (string.IsNullOrEmpty(ActiveSecretKeyId) || !SecretKeys.ContainsKey(ActiveSecretKeyId))
        {
            yield return new ValidationResult("Webhooks__ActiveSecretKeyId must name one of the Webhooks__SecretKeys__<keyId> entries.", [nameof(ActiveSecretKeyId)]);
        }
    }
}
