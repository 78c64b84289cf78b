using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Publishing;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Validates, de-duplicates, stores and (on the fast path) publishes events for one tenant. Once an event is
/// committed its request succeeds, whatever happens to indexing or publishing afterwards: the outbox sweeper
/// finishes that work.
/// </summary>
public partial class IngestionService(
    EventStore store, CompletionBatcher completions, TimeProvider clock,
    IOptions<IngestionOptions> options, IOptions<EventLogOptions> eventLog, ILogger<IngestionService> logger, IEnumerable<IIngestionObserver> observers)
{
    /// <summary>Ingests the items of a request (parsed or failed) for a tenant; results are in input order.</summary>
    public virtual async Task<IngestResult[]> IngestAsync(string tenant, IReadOnlyList<IncomingEventResult> items, CancellationToken cancellationToken = default)
    {
        var results = await IngestItemsAsync(tenant, items, cancellationToken);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnIngestedAsync(tenant, results, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogObserverFailed(logger, exception, observer.GetType().Name);
            }
        }
        return results;
    }

    private async Task<IngestResult[]> IngestItemsAsync(string tenant, IReadOnlyList<IncomingEventResult> items, CancellationToken cancellationToken)
    {
        var results = new IngestResult[items.Count];
        var prepared = new List<(PreparedEvent Event, int Index)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Event is null)
            {
                results[i] = new IngestResult(i, null, "rejected", item.Status, item.Errors, item.UnknownType);
                continue;
            }
            var json = CanonicalEventJson.Serialize(item.Event, new Dictionary<string, string> { [CanonicalEvent.TenantExtension] = tenant });
            if (json.Length > options.Value.MaxEventBytes)
            {
                results[i] = new IngestResult(i, item.Event.Id, "rejected", 413,
                    [new FieldError("data", $"the event is {json.Length} bytes; the limit is {options.Value.MaxEventBytes}")]);
                continue;
            }
            var key = EventKeys.EventKey(tenant, item.Event.Source, item.Event.Id);
            prepared.Add((new PreparedEvent(tenant, item.Event, json, CanonicalEventJson.ContentHash(item.Event), key,
                EventKeys.Shard(item.Event.Id, eventLog.Value.ShardCount)), i));
        }
        if (prepared.Count == 0)
        {
            return results;
        }
        var outcomes = await store.AppendAsync(prepared.Select(p => p.Event).ToArray(), cancellationToken);
        var now = clock.GetUtcNow();
        var accepted = new List<StoredEvent>();
        for (var j = 0; j < prepared.Count; j++)
        {
            var (e, index) = prepared[j];
            results[index] = outcomes[j] switch
            {
                AppendOutcome.Accepted => new IngestResult(index, e.Event.Id, "accepted", 202, []),
                AppendOutcome.Duplicate => new IngestResult(index, e.Event.Id, "duplicate", 200, []),
                _ => new IngestResult(index, e.Event.Id, "conflict", 409,
                    [new FieldError("id", $"an event with this source and id was already stored with other content")]),
            };
            if (outcomes[j] == AppendOutcome.Accepted)
            {
                accepted.Add(StoredEvent.From(e, now));
            }
        }
        if (options.Value.PublishImmediately && accepted.Count > 0)
        {
            await CompleteQuietlyAsync(accepted);
        }
        return results;
    }

    private async Task CompleteQuietlyAsync(IReadOnlyList<StoredEvent> accepted)
    {
        try
        {
            // Not the request's token: a client that hangs up after the commit should not stop the fast path.
            // Concurrent requests' events are completed together (see CompletionBatcher).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await completions.CompleteAsync(accepted, options.Value.AwaitPublish, timeout.Token);
        }
        catch (Exception exception)
        {
            LogFastPathFailed(logger, exception, accepted.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion observer {Observer} failed; the request is unaffected")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing or publishing {Count} stored events failed; the outbox sweeper will finish them")]
    private static partial void LogFastPathFailed(ILogger logger, Exception exception, int count);
}
