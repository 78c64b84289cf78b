using System.Net;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Resolves a webhook target's host name to the addresses the SSRF guard vets and connects to.</summary>
public interface IWebhookDnsResolver
{
    /// <summary>All A and AAAA addresses of <paramref name="host"/>.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
