using ServerlessEvents.Testing.Seams;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>A real sender, guard and policy wired like production, with an optional fixed DNS resolver and clock.</summary>
internal sealed class SenderHarness : IDisposable
{
    public SenderHarness(WebhookOptions options, IReadOnlyDictionary<string, IPAddress[]>? dns = null, TimeProvider? clock = null)
    {
        var wrapped = Options.Create(options);
        Resolver = dns is null ? null : new StaticDnsResolver(dns);
        Policy = new WebhookTargetPolicy(wrapped);
        Guard = new SsrfGuard(Policy, (IWebhookDnsResolver?)Resolver ?? new SystemDnsResolver(), wrapped);
        Sender = new WebhookSender(wrapped, new WebhookSigner(), Policy, Guard, clock ?? TimeProvider.System, NullLogger<WebhookSender>.Instance);
    }

    public StaticDnsResolver? Resolver { get; }

    public WebhookTargetPolicy Policy { get; }

    public SsrfGuard Guard { get; }

    public WebhookSender Sender { get; }

    public static WebhookMessage Message(string deliveryId = "msg_2bYq0c8lTqXo7cJwH5yq") =>
        new(deliveryId, "evt-42", "order.created",
            """{"specversion":"1.0","id":"evt-42","source":"/orders","type":"order.created","data":{"orderId":"o-1"}}"""u8.ToArray());

    public void Dispose() => Sender.Dispose();
}
