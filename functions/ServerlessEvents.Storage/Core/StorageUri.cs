using System.Net;

namespace ServerlessEvents.Storage;

/// <summary>Endpoint helpers: normalisation and account-name inference (host-style or path-style).</summary>
internal static class StorageUri
{
    /// <summary>Drops a trailing slash, query and fragment so paths can be appended.</summary>
    public static Uri Normalize(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri) throw new ArgumentException("The service endpoint must be an absolute URI.", nameof(endpoint));
        var text = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text);
    }

    /// <summary>Path-style (IP host or localhost, as Azurite uses) takes the first segment; otherwise the first host label.</summary>
    public static string AccountName(Uri endpoint)
    {
        var host = endpoint.Host;
        if (IPAddress.TryParse(host.Trim('[', ']'), out _) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
            host.Equals("host.docker.internal", StringComparison.OrdinalIgnoreCase))
        {
            var segment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
            return Uri.UnescapeDataString(segment);
        }
        var dot = host.IndexOf('.');
        return dot > 0 ? host[..dot] : host;
    }
}
