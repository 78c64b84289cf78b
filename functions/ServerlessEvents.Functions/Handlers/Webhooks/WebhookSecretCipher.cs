using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// AES-256-GCM for one signing secret: <c>nonce (12 random bytes) | ciphertext | tag (16)</c>. The associated data binds
/// the ciphertext to its table row (<c>partition key</c>, <c>row key</c>) and its key id, so a value copied to another row or
/// relabelled with another key id does not decrypt. Decryption fails closed with <see cref="CryptographicException"/>.
/// </summary>
public static class WebhookSecretCipher
{
    /// <summary>Nonce size (96 bits).</summary>
    public const int NonceBytes = 12;

    /// <summary>Tag size (128 bits).</summary>
    public const int TagBytes = 16;

    /// <summary>Encrypts <paramref name="plaintext"/> for the row (<paramref name="partitionKey"/>, <paramref name="rowKey"/>).</summary>
    public static byte[] Encrypt(WebhookKeyEncryptionKey key, string partitionKey, string rowKey, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(key);
        var blob = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = blob.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagBytes);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(NonceBytes, plaintext.Length), blob.AsSpan(NonceBytes + plaintext.Length), AssociatedData(key.Id, partitionKey, rowKey));
        return blob;
    }

    /// <summary>Decrypts a value written by <see cref="Encrypt"/> for the same row and key; the caller zeroes the result.</summary>
    /// <exception cref="CryptographicException">The value was altered, moved to another row, or written under another key.</exception>
    public static byte[] Decrypt(WebhookKeyEncryptionKey key, string partitionKey, string rowKey, ReadOnlySpan<byte> blob)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (blob.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The encrypted webhook secret is truncated.");
        }
        var length = blob.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key.Key, TagBytes);
        aes.Decrypt(blob[..NonceBytes], blob.Slice(NonceBytes, length), blob[(NonceBytes + length)..], plaintext, AssociatedData(key.Id, partitionKey, rowKey));
        return plaintext;
    }

    private static byte[] AssociatedData(string keyId, string partitionKey, string rowKey) =>
        Encoding.UTF8.GetBytes($"{TableNamesValue}\n{partitionKey}\n{rowKey}\n{keyId}");

    private const string TableNamesValue = "WebhookSecrets/v1";
}
