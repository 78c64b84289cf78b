using System.Net;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Resolves with the operating system's resolver (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>).</summary>
public sealed class SystemDnsResolver : IWebhookDnsResolver
{
    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
