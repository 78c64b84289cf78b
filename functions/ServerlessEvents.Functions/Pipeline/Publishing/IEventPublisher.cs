namespace ServerlessEvents.Functions.Publishing;

/// <summary>
/// Sends stored events to the event broker (Event Grid in Azure, the local relay in local mode).
/// Implementations either deliver every event or throw; callers mark events published only after success.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes the events, each one a CloudEvents 1.0 event in structured JSON.</summary>
    Task PublishAsync(IReadOnlyList<PublishableEvent> events, CancellationToken cancellationToken = default);
}
