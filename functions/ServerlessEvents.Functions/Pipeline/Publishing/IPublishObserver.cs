using ServerlessEvents.Functions.EventLog;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>Told when stored events have been published and marked (metrics record the publish lag).</summary>
public interface IPublishObserver
{
    /// <summary>Called after the events are marked published at <paramref name="publishedAt"/>; a throw is logged, never fatal.</summary>
    Task OnPublishedAsync(IReadOnlyList<StoredEvent> events, DateTimeOffset publishedAt, CancellationToken cancellationToken);
}
