using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>A 256-bit key-encryption key and the id stored beside every ciphertext it produced. <see cref="ToString"/> never shows the key.</summary>
public sealed class WebhookKeyEncryptionKey
{
    /// <summary>Size of a key, in bytes (AES-256).</summary>
    public const int KeyBytes = 32;

    private readonly byte[] _key;

    /// <summary>Wraps <paramref name="key"/> (32 bytes) under <paramref name="id"/>.</summary>
    public WebhookKeyEncryptionKey(string id, ReadOnlySpan<byte> key)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException("A key id is 1-64 of A-Z a-z 0-9 -.", nameof(id));
        }
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"A key-encryption key is {KeyBytes} bytes.", nameof(key));
        }
        Id = id;
        _key = key.ToArray();
    }

    /// <summary>The key id.</summary>
    public string Id { get; }

    /// <summary>The key bytes.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Whether <paramref name="id"/> is 1–64 of <c>A-Z a-z 0-9 -</c>.</summary>
    public static bool IsValidId([NotNullWhen(true)] string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Decodes base64 of exactly <see cref="KeyBytes"/> bytes; false otherwise.</summary>
    public static bool TryDecode(string? base64, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }
        Span<byte> buffer = stackalloc byte[KeyBytes + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != KeyBytes)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }
        key = buffer[..written].ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"kek:{Id}";
}
