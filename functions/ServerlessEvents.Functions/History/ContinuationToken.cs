using System.Text;

namespace ServerlessEvents.Functions.History;

/// <summary>
/// The opaque paging token: the row key of the last event returned. Row keys order events the same way in
/// every index partition, so "after this key" continues any query. Base64url so it travels in a URL.
/// </summary>
public static class ContinuationToken
{
    /// <summary>Encodes a row key.</summary>
    public static string Encode(string rowKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:" + rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a token; null when it is not one of ours.</summary>
    public static string? Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("v1:", StringComparison.Ordinal) && text.Length > 23 && long.TryParse(text.AsSpan(3, 19), out _) ? text[3..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
