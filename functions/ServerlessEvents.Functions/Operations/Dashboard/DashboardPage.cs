using System.Security.Cryptography;

namespace ServerlessEvents.Functions.Dashboard;

/// <summary>
/// The dashboard page: one HTML document assembled from embedded resources (<c>dashboard.html</c>, <c>.css</c>,
/// <c>.js</c>) with the style and script inline under a per-response CSP nonce. No build step, no CDN.
/// </summary>
public sealed class DashboardPage
{
    private readonly string _template;

    /// <summary>Loads and assembles the template once.</summary>
    public DashboardPage()
    {
        var css = Read("dashboard.css");
        var js = Read("dashboard.js");
        if (css.Contains("</style", StringComparison.OrdinalIgnoreCase) || js.Contains("</script", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The dashboard's CSS or script closes its own tag.");
        }
        _template = Read("dashboard.html").Replace("{{css}}", css, StringComparison.Ordinal).Replace("{{js}}", js, StringComparison.Ordinal);
        using var client = Resource("signalr.min.js");
        using var bytes = new MemoryStream();
        client.CopyTo(bytes);
        SignalRClient = bytes.ToArray();
    }

    /// <summary>The SignalR browser client (<c>@microsoft/signalr</c>, the version package.json pins), as served at <c>/api/dashboard/signalr.min.js</c>.</summary>
    public byte[] SignalRClient { get; }

    /// <summary>A fresh random nonce (128 bits, base64).</summary>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>The page with its nonce filled in.</summary>
    public string Render(string nonce) => _template.Replace("{{nonce}}", nonce, StringComparison.Ordinal);

    /// <summary>
    /// The Content-Security-Policy for a response with this nonce. SignalR Service hosts are allowed for the live feed,
    /// and so is <paramref name="signalRClientUrl"/>'s origin (HTTP and WebSocket forms) when the configured service
    /// lives elsewhere, such as the dev host's local SignalR Service.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, Uri? signalRClientUrl = null)
    {
        var live = "https://*.service.signalr.net wss://*.service.signalr.net";
        if (signalRClientUrl is { IsAbsoluteUri: true } url && !url.Host.EndsWith(".service.signalr.net", StringComparison.OrdinalIgnoreCase))
        {
            var socket = url.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
            live += $" {url.Scheme}://{url.Authority} {socket}://{url.Authority}";
        }
        return $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; " +
            $"connect-src 'self' {live}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static string Read(string name)
    {
        using var reader = new StreamReader(Resource(name));
        return reader.ReadToEnd();
    }

    private static Stream Resource(string name) =>
        typeof(DashboardPage).Assembly.GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"The embedded resource dashboard/{name} is missing.");
}
