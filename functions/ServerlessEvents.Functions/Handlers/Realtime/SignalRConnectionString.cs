namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// An Azure SignalR Service connection string with an access key:
/// <c>Endpoint=https://x.service.signalr.net;AccessKey=...;Version=1.0;</c>, optionally with <c>Port=</c> (the
/// emulator and tests use <c>Endpoint=http://127.0.0.1;Port=8888;...</c>) and <c>ClientEndpoint=</c> (the address
/// clients connect to, when it differs). Identity-based connections do not use a connection string
/// (<see cref="RealtimeConnection"/> reads <c>AzureSignalRConnectionString__serviceUri</c> instead).
/// </summary>
public sealed class SignalRConnectionString
{
    private SignalRConnectionString(Uri endpoint, Uri clientEndpoint, string accessKey)
    {
        Endpoint = endpoint;
        ClientEndpoint = clientEndpoint;
        AccessKey = accessKey;
    }

    /// <summary>The service endpoint the REST API is called on (port applied, no path).</summary>
    public Uri Endpoint { get; }

    /// <summary>Where clients connect: <c>ClientEndpoint</c>, else <see cref="Endpoint"/>.</summary>
    public Uri ClientEndpoint { get; }

    /// <summary>The access key that signs every token (HS256).</summary>
    public string AccessKey { get; }

    /// <summary>Parses a connection string; throws <see cref="FormatException"/> naming what is wrong, never the key.</summary>
    public static SignalRConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("The SignalR connection string has a part without 'name=value'.");
            }
            parts[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }
        if (parts.TryGetValue("Version", out var version) && version != "1.0")
        {
            throw new FormatException($"The SignalR connection string has Version={version}; only 1.0 is supported.");
        }
        if (!parts.TryGetValue("AccessKey", out var key) || key.Length == 0)
        {
            throw new FormatException("The SignalR connection string has no AccessKey. For Microsoft Entra ID set AzureSignalRConnectionString__serviceUri instead.");
        }
        var endpoint = EndpointOf(parts, "Endpoint") ?? throw new FormatException("The SignalR connection string has no Endpoint.");
        if (parts.TryGetValue("Port", out var portText))
        {
            if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new FormatException("The SignalR connection string's Port is not a port number.");
            }
            endpoint = new UriBuilder(endpoint) { Port = port }.Uri;
        }
        return new SignalRConnectionString(Trim(endpoint), Trim(EndpointOf(parts, "ClientEndpoint") ?? endpoint), key);
    }

    /// <summary>No secret in logs.</summary>
    public override string ToString() => $"Endpoint={Endpoint};AccessKey=***";

    private static Uri? EndpointOf(Dictionary<string, string> parts, string name)
    {
        if (!parts.TryGetValue(name, out var text) || text.Length == 0)
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new FormatException($"The SignalR connection string's {name} is not an absolute http(s) URL.");
    }

    private static Uri Trim(Uri uri) => new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
}
