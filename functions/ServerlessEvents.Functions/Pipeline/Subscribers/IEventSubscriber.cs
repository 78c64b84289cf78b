namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// One Event Grid subscriber function. Implementations must be idempotent: Event Grid delivers at least once,
/// so the same delivery arriving three times must have the effect of one (use <see cref="DeliveredEvent.DedupKey"/>).
/// Subscribers know nothing of the hosting model: they do their work (stores, SignalR, SMTP, HTTP) themselves and
/// return a <see cref="SubscriberResult"/>; <see cref="SubscriberEndpoints"/> maps them onto the host.
/// </summary>
public interface IEventSubscriber
{
    /// <summary>The eventGridTrigger function name (a method of <see cref="SubscriberFunctions"/>).</summary>
    string FunctionName { get; }

    /// <summary>Handles one delivery. Throw to have it redelivered; throw <see cref="PermanentEventFailureException"/> to reject it.</summary>
    Task<SubscriberResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken);
}
