using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// One Event Grid subscriber function. Implementations must be idempotent: Event Grid delivers at least once,
/// so the same delivery arriving three times must have the effect of one (use <see cref="DeliveredEvent.DedupKey"/>).
/// </summary>
public interface IEventSubscriber
{
    /// <summary>The function name (its <c>{name}.function.json</c> has an eventGridTrigger named <c>event</c>).</summary>
    string FunctionName { get; }

    /// <summary>Output bindings the handler writes, beyond the trigger.</summary>
    IReadOnlyList<RequiredBinding> OutputBindings { get; }

    /// <summary>Handles one delivery and returns the outputs (e.g. signalR messages) for the host to carry out.</summary>
    Task<InvocationResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken);
}
