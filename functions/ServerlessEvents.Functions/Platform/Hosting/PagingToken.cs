using System.Buffers.Text;
using System.Text;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// Opaque paging tokens: a row key with a versioned prefix naming the list it belongs to, base64url-encoded so it
/// travels in a URL. A token of another list, or anything not issued by the API, does not decode.
/// </summary>
public static class PagingToken
{
    /// <summary>Encodes a row key for the list identified by <paramref name="prefix"/> (e.g. <c>v1</c>).</summary>
    public static string Encode(string prefix, string rowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(prefix + ":" + rowKey));

    /// <summary>The row key in a token, or null when the token is not one of that list's.</summary>
    public static string? Decode(string prefix, string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(prefix + ":", StringComparison.Ordinal) ? text[(prefix.Length + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Base64url of random or hashed bytes, for ids and keys.</summary>
    public static string Base64UrlOf(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
