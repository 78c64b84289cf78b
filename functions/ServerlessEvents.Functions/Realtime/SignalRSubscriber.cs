using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// The <c>signalr</c> Event Grid subscriber: sends each event to its tenant's group and, when it names a user, to
/// that user (namespaced by tenant). Delivery is at-least-once and keeps no marker: a redelivery sends the same
/// message again and clients de-duplicate on source + id + replayId (docs/realtime.md explains why).
/// </summary>
public sealed class SignalRSubscriber(IOptions<RealtimeOptions> options) : IEventSubscriber
{
    /// <summary>The signalR output binding.</summary>
    public const string Output = "signalR";

    /// <inheritdoc />
    public string FunctionName => "signalr";

    /// <inheritdoc />
    public IReadOnlyList<RequiredBinding> OutputBindings => [RequiredBinding.Out(Output, "signalR")];

    /// <inheritdoc />
    public Task<InvocationResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        var argument = RealtimeMessage.Argument(delivered, options.Value.MaxMessageBytes);
        var items = new List<JsonNode>
        {
            Message(argument, "groupName", RealtimeAddresses.Group(delivered.Tenant)),
        };
        if (!string.IsNullOrEmpty(delivered.Event.UserId))
        {
            items.Insert(0, Message(argument, "userId", RealtimeAddresses.User(delivered.Tenant, delivered.Event.UserId)));
        }
        return Task.FromResult(new InvocationResult().AddOutputItems(Output, items));
    }

    private static JsonObject Message(JsonObject argument, string addressKind, string address) => new()
    {
        ["target"] = RealtimeAddresses.Target,
        ["arguments"] = new JsonArray(argument.DeepClone()),
        [addressKind] = address,
    };
}
