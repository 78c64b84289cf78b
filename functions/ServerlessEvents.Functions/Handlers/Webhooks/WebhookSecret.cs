using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// A Standard Webhooks symmetric signing secret: shown to users as <c>whsec_</c> + base64 of 24–64 random bytes.
/// The HMAC key is the base64-decoded part. <see cref="ToString"/> never reveals the key material.
/// </summary>
public sealed class WebhookSecret
{
    /// <summary>The prefix of the textual form.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Smallest accepted key, in bytes (Standard Webhooks).</summary>
    public const int MinKeyBytes = 24;

    /// <summary>Largest accepted key, in bytes (Standard Webhooks).</summary>
    public const int MaxKeyBytes = 64;

    /// <summary>Size of a generated key, in bytes.</summary>
    public const int GeneratedKeyBytes = 32;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key)
    {
        _key = key;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, digest);
        Fingerprint = Convert.ToHexStringLower(digest[..4]);
    }

    /// <summary>A short, non-reversible identifier of the key (first 4 bytes of its SHA-256, hex), safe to log.</summary>
    public string Fingerprint { get; }

    /// <summary>The decoded HMAC key.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Creates a new secret from <see cref="GeneratedKeyBytes"/> cryptographically random bytes.</summary>
    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    /// <summary>Wraps raw key bytes (24–64 of them).</summary>
    public static WebhookSecret FromKey(ReadOnlySpan<byte> key)
    {
        if (key.Length is < MinKeyBytes or > MaxKeyBytes)
        {
            throw new ArgumentException($"A webhook secret must be {MinKeyBytes}-{MaxKeyBytes} bytes.", nameof(key));
        }

        return new WebhookSecret(key.ToArray());
    }

    /// <summary>Parses <c>whsec_&lt;base64&gt;</c> or bare base64. The error message never contains the input.</summary>
    /// <exception cref="FormatException">The text is not base64 of 24–64 bytes.</exception>
    public static WebhookSecret Parse(string text) =>
        TryParse(text, out var secret)
            ? secret
            : throw new FormatException($"A webhook secret is '{Prefix}' (optional) followed by base64 of {MinKeyBytes}-{MaxKeyBytes} bytes.");

    /// <summary>Parses <c>whsec_&lt;base64&gt;</c> or bare base64; false when malformed or of the wrong size.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out WebhookSecret? secret)
    {
        secret = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var encoded = text.AsSpan().Trim();
        if (encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            encoded = encoded[Prefix.Length..];
        }

        Span<byte> buffer = stackalloc byte[MaxKeyBytes + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written is < MinKeyBytes or > MaxKeyBytes)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        secret = new WebhookSecret(buffer[..written].ToArray());
        CryptographicOperations.ZeroMemory(buffer);
        return true;
    }

    /// <summary>
    /// The full textual secret (<c>whsec_…</c>), for showing to its owner once or storing encrypted.
    /// Never log the result.
    /// </summary>
    public string Reveal() => Prefix + Convert.ToBase64String(_key);

    /// <summary>A redacted form that identifies the key by <see cref="Fingerprint"/> only.</summary>
    public override string ToString() => $"{Prefix}[redacted:{Fingerprint}]";
}
