using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The HMAC-SHA256 computations shared by the signer and the verifier, allocation-free for small bodies.</summary>
internal static class WebhookMac
{
    /// <summary>Size of an HMAC-SHA256 tag.</summary>
    public const int Size = HMACSHA256.HashSizeInBytes;

    /// <summary>Length of one <c>v1,&lt;base64&gt;</c> entry.</summary>
    public const int V1EntryLength = 3 + 44;

    /// <summary>Length of one <c>sha256=&lt;hex&gt;</c> entry.</summary>
    public const int LegacyEntryLength = 7 + 64;

    private const int StackLimit = 1024;

    /// <summary>HMAC-SHA256(key, "{id}.{timestamp}.{body}") into <paramref name="destination"/> (32 bytes).</summary>
    public static void ComputeV1(ReadOnlySpan<byte> key, ReadOnlySpan<char> webhookId, long timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var prefixMax = Encoding.UTF8.GetMaxByteCount(webhookId.Length) + 22;
        var total = prefixMax + body.Length;
        byte[]? rented = null;
        Span<byte> buffer = total <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            var length = Encoding.UTF8.GetBytes(webhookId, buffer);
            buffer[length++] = (byte)'.';
            timestamp.TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
            buffer[length++] = (byte)'.';
            body.CopyTo(buffer[length..]);
            length += body.Length;
            HMACSHA256.HashData(key, buffer[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes <c>v1,&lt;base64 mac&gt;</c>; returns the characters written.</summary>
    public static int WriteV1Entry(ReadOnlySpan<byte> mac, Span<char> destination)
    {
        "v1,".CopyTo(destination);
        Convert.TryToBase64Chars(mac, destination[3..], out var written);
        return 3 + written;
    }

    /// <summary>Writes <c>sha256=&lt;lowercase hex HMAC-SHA256(key, body)&gt;</c>; returns the characters written.</summary>
    public static int WriteLegacyEntry(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, Span<char> destination)
    {
        Span<byte> mac = stackalloc byte[Size];
        HMACSHA256.HashData(key, body, mac);
        "sha256=".CopyTo(destination);
        Convert.TryToHexStringLower(mac, destination[7..], out var written);
        return 7 + written;
    }
}
