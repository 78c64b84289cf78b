using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Picks the secrets a delivery is signed with: always the newest key, plus each older key whose successor is
/// younger than <see cref="WebhookOptions.SecretRotationOverlap"/>, newest first (at most
/// <see cref="WebhookSigner.MaxActiveSecrets"/>). Keys created in the future are ignored until their time comes.
/// </summary>
public sealed class WebhookSecretRotation
{
    private readonly TimeSpan _overlap;

    /// <summary>Creates the rotation rule from options.</summary>
    public WebhookSecretRotation(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _overlap = options.Value.SecretRotationOverlap;
    }

    /// <summary>The active secrets at <paramref name="now"/>, newest first; empty when no key exists yet.</summary>
    public IReadOnlyList<WebhookSecret> SelectActive(IEnumerable<WebhookSigningKey> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ordered = keys.Where(k => k.CreatedAt <= now).OrderByDescending(k => k.CreatedAt).ToArray();
        var active = new List<WebhookSecret>(Math.Min(ordered.Length, WebhookSigner.MaxActiveSecrets));
        for (var i = 0; i < ordered.Length && active.Count < WebhookSigner.MaxActiveSecrets; i++)
        {
            if (i > 0 && now - ordered[i - 1].CreatedAt >= _overlap)
            {
                break;
            }

            active.Add(ordered[i].Secret);
        }

        return active;
    }
}
