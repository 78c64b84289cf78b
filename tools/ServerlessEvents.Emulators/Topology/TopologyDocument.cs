namespace ServerlessEvents.Emulators.Topology;

/// <summary>
/// The Event Grid topology from <c>infra/topology.json</c>: one subscription per eventGridTrigger function,
/// plus the storage names the infrastructure creates. Bicep, the local relay and the tests read the same file.
/// </summary>
public sealed class TopologyDocument
{
    /// <summary>The blob container Event Grid dead-letters undeliverable events into.</summary>
    public string DeadLetterContainerName { get; init; } = "";

    /// <summary>The tables and queues the infrastructure creates.</summary>
    public TopologyStorage Storage { get; init; } = new();

    /// <summary>Every Event Grid handler function and its subscription settings.</summary>
    public IReadOnlyList<HandlerSubscription> Handlers { get; init; } = [];

    /// <summary>The handlers whose filter accepts the event, in topology order.</summary>
    public IEnumerable<HandlerSubscription> HandlersFor(string type, string? subject, ReadOnlyMemory<byte> eventJson) =>
        Handlers.Where(h => h.Filter.Matches(type, subject, eventJson));
}
