using System.Text.Json.Nodes;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.History;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The body of a webhook: the delivered CloudEvent in structured JSON without the internal <c>tenantid</c> extension
/// (as <c>GET /api/events</c> shows it). A retry of a body too large to keep on the delivery row re-reads the event.
/// </summary>
public class WebhookPayloads(EventLookup lookup)
{
    /// <summary>The body for a delivered event.</summary>
    public static byte[] CreateBody(DeliveredEvent delivered) =>
        System.Text.Encoding.UTF8.GetBytes(PublicEventJson.From(delivered.Json).ToJsonString());

    /// <summary>The body to send for a stored delivery; null when the event no longer exists.</summary>
    public virtual async Task<byte[]?> GetBodyAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        if (delivery.Body is { Length: > 0 } body)
        {
            return body;
        }
        var stored = (await lookup.FindByIdAsync(delivery.Tenant, delivery.EventId, cancellationToken)).FirstOrDefault(e => e.Source == delivery.EventSource);
        if (stored is null)
        {
            return null;
        }
        var node = PublicEventJson.From(stored.Json);
        if (delivery.ReplayId is not null)
        {
            node[CanonicalEvent.ReplayExtension] = JsonValue.Create(delivery.ReplayId);
        }
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
