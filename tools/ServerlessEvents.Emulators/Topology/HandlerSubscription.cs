namespace ServerlessEvents.Emulators.Topology;

/// <summary>One Event Grid subscription: the handler function it targets and how events reach it.</summary>
public sealed class HandlerSubscription
{
    /// <summary>The eventGridTrigger function name (its [Function] name).</summary>
    public string FunctionName { get; init; } = "";

    /// <summary>Which events the subscription delivers. An empty filter delivers every event.</summary>
    public TopologyFilter Filter { get; init; } = new();

    /// <summary>Events per delivery; 1 keeps a failure from redelivering unrelated events.</summary>
    public int MaxEventsPerBatch { get; init; } = 1;

    /// <summary>Event Grid's retry policy for this subscription.</summary>
    public TopologyRetryPolicy RetryPolicy { get; init; } = new();

    /// <summary>Whether undeliverable events are dead-lettered to the topology's dead-letter container.</summary>
    public bool DeadLetter { get; init; }
}
