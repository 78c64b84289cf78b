using ServerlessEvents.Functions.Consumers;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.History;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>
/// The work that follows a commit: index the events (history streams and the consumer feed), publish them, then mark them published (which removes
/// their outbox markers). Every step is idempotent, so the sweeper can repeat it after any crash.
/// </summary>
public partial class OutboxProcessor(EventIndexWriter index, ConsumerFeedWriter feed, IEventPublisher publisher, OutboxStore outbox, ILogger<OutboxProcessor> logger,
    IEnumerable<IPublishObserver> observers, TimeProvider clock)
{
    /// <summary>Completes stored events. Returns false when publishing failed (the events stay in the outbox).</summary>
    public virtual async Task<bool> CompleteAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return true;
        }
        // The history index and the ingestion-order feed of pull consumers (re-stamped when late, docs/consumers.md)
        // are independent upserts in different partitions: one round trip for both, before the publish.
        await Task.WhenAll(index.WriteAsync(events, cancellationToken), feed.WriteAsync(events, cancellationToken));
        try
        {
            await publisher.PublishAsync(events.Select(e => new PublishableEvent(e.Id, e.Source, e.Type, e.Subject, e.Json)).ToArray(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(logger, exception, events.Count);
            return false;
        }
        await outbox.MarkPublishedAsync(events, cancellationToken);
        var publishedAt = clock.GetUtcNow();
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnPublishedAsync(events, publishedAt, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(logger, exception, observer.GetType().Name);
            }
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publish observer {Observer} failed; publishing is unaffected")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} events failed; they stay in the outbox for the sweeper")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
