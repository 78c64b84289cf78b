using System.Text;

namespace ServerlessEvents.Storage;

/// <summary>Builds Shared Key strings-to-sign exactly as documented in "Authorize with Shared Key".</summary>
internal static class SharedKeyStringToSign
{
    /// <summary>Table SharedKeyLite: <c>Date \n CanonicalizedResource</c>.</summary>
    public static string TableLite(string date, string accountName, Uri uri) =>
        date + "\n" + TableResource(accountName, uri);

    /// <summary>Table SharedKey: <c>VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedResource</c>.</summary>
    public static string Table(string verb, string? contentMd5, string? contentType, string date, string accountName, Uri uri) =>
        verb + "\n" + contentMd5 + "\n" + contentType + "\n" + date + "\n" + TableResource(accountName, uri);

    /// <summary><c>/account + encoded path</c> plus <c>?comp=</c> when present; no other query parameters.</summary>
    public static string TableResource(string accountName, Uri uri)
    {
        var resource = "/" + accountName + uri.AbsolutePath;
        foreach (var (name, value) in QueryParameters(uri))
        {
            if (string.Equals(name, "comp", StringComparison.OrdinalIgnoreCase)) return resource + "?comp=" + value;
        }
        return resource;
    }

    /// <summary>
    /// Queue/Blob SharedKey (2009-09-19+): 12 standard header lines, canonicalized x-ms-* headers,
    /// canonicalized resource. <paramref name="headers"/> holds every request header.
    /// </summary>
    public static string Queue(string verb, IEnumerable<(string Name, string Value)> headers, long? contentLength, string accountName, Uri uri)
    {
        var all = headers.ToList();
        string H(string name) => all.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var sb = new StringBuilder(256);
        sb.Append(verb).Append('\n')
          .Append(H("Content-Encoding")).Append('\n')
          .Append(H("Content-Language")).Append('\n')
          .Append(contentLength is null or 0 ? "" : contentLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
          .Append(H("Content-MD5")).Append('\n')
          .Append(H("Content-Type")).Append('\n')
          .Append('\n') // Date: empty because x-ms-date is sent.
          .Append(H("If-Modified-Since")).Append('\n')
          .Append(H("If-Match")).Append('\n')
          .Append(H("If-None-Match")).Append('\n')
          .Append(H("If-Unmodified-Since")).Append('\n')
          .Append(H("Range")).Append('\n');
        foreach (var (name, value) in all
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in QueryParameters(uri)
                     .GroupBy(p => p.Name.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':')
              .Append(string.Join(",", group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }
        return sb.ToString();
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1) yield break;
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            yield return (Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }
}
