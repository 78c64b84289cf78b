using System.Collections.Concurrent;
using System.Net;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.Testing.Seams;

/// <summary>A resolver with fixed answers (names not listed do not exist); records the names asked for.</summary>
public sealed class StaticDnsResolver(IReadOnlyDictionary<string, IPAddress[]> answers) : IWebhookDnsResolver
{
    public ConcurrentQueue<string> Lookups { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return answers.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
