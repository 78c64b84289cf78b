using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The authoritative SSRF check: builds a <see cref="SocketsHttpHandler"/> whose connect callback resolves the host
/// itself, refuses the whole target if any resolved address is not allowed by <see cref="WebhookTargetPolicy"/>
/// (throwing <see cref="WebhookTargetRefusedException"/> before opening any socket), and connects only to the vetted
/// addresses. No proxy, no redirects, no cookies, no decompression. Thread-safe.
/// </summary>
public sealed class SsrfGuard
{
    private readonly WebhookTargetPolicy _policy;
    private readonly IWebhookDnsResolver _resolver;
    private readonly TimeSpan _connectTimeout;
    private long _connectAttempts;

    /// <summary>Creates the guard.</summary>
    public SsrfGuard(WebhookTargetPolicy policy, IWebhookDnsResolver resolver, IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        _policy = policy;
        _resolver = resolver;
        _connectTimeout = options.Value.ConnectTimeout;
    }

    /// <summary>Sockets this guard has tried to connect (every one to a vetted address).</summary>
    public long ConnectAttempts => Interlocked.Read(ref _connectAttempts);

    /// <summary>A new handler that connects only to vetted addresses. The caller owns it.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        ConnectTimeout = _connectTimeout,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxResponseHeadersLength = 16,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = 16,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(WebhookTargetPolicy.NormalizeHost(host), out var literal)
            ? [literal]
            : await _resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (var address in addresses)
        {
            if (_policy.GetAddressRefusal(address) is { } refusal)
            {
                throw new WebhookTargetRefusedException(host, $"{address} is {refusal}");
            }
        }

        SocketException? last = null;
        foreach (var address in addresses.Select(WebhookAddressClassifier.Normalize).Distinct())
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                Interlocked.Increment(ref _connectAttempts);
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostUnreachable);
    }
}
