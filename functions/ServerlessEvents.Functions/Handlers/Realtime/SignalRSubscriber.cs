using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// The <c>signalr</c> Event Grid subscriber: sends each event over SignalR Service's REST API to the namespaced user
/// it names (if any), then to its tenant's group. A failed send throws, so Event Grid redelivers and both messages
/// go out again: delivery is at-least-once and clients de-duplicate on source + id + replayId (docs/realtime.md).
/// With SignalR not configured nobody can be connected (negotiate answers 503), so there is nothing to send.
/// </summary>
public sealed class SignalRSubscriber(RealtimeConnection realtime, IOptions<RealtimeOptions> options) : IEventSubscriber
{
    /// <inheritdoc />
    public string FunctionName => "signalr";

    /// <inheritdoc />
    public async Task<SubscriberResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        if (!realtime.IsConfigured)
        {
            return SubscriberResult.Skipped("SignalR is not configured; no client can be connected.");
        }
        var client = realtime.Client;
        JsonNode[] arguments = [RealtimeMessage.Argument(delivered, options.Value.MaxMessageBytes)];
        if (!string.IsNullOrEmpty(delivered.Event.UserId))
        {
            (await client.SendToUserAsync(RealtimeAddresses.User(delivered.Tenant, delivered.Event.UserId), RealtimeAddresses.Target, arguments, cancellationToken)).Dispose();
        }
        (await client.SendToGroupAsync(RealtimeAddresses.Group(delivered.Tenant), RealtimeAddresses.Target, arguments, cancellationToken)).Dispose();
        return SubscriberResult.Done;
    }
}
