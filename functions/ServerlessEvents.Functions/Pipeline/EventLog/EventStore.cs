using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>
/// The audit log's write and point-read side. Each event is written with its outbox marker in one entity-group
/// transaction. The event row's key (<c>i|{escaped id}|{key}</c>) is both the de-duplication key, so concurrent
/// writers of one event store exactly one copy, and the id lookup. Writes are group-committed (<see cref="GroupCommitter{T}"/>):
/// concurrent requests' events for one partition share a transaction.
/// </summary>
public class EventStore
{
    /// <summary>Rows one event adds in its transaction: the event and its outbox marker.</summary>
    public const int OperationsPerEvent = 2;

    /// <summary>Most events in one transaction (100 operations at most).</summary>
    public const int MaxEventsPerTransaction = 100 / OperationsPerEvent;

    private const int MaxTransactionBytes = 2_500_000;
    private readonly TableClient _events;
    private readonly TimeProvider _clock;
    private readonly GroupCommitter<PendingAppend> _committer;

    /// <summary>Creates the store.</summary>
    public EventStore(TableServiceClient tables, TimeProvider clock, IOptions<EventLogOptions> options)
    {
        _events = tables.GetTableClient(TableNames.Events);
        _clock = clock;
        _committer = new GroupCommitter<PendingAppend>(TakeTransaction, CommitAsync, TimeSpan.FromMilliseconds(options.Value.GroupCommitLingerMilliseconds));
    }

    /// <summary>Stores events (any tenants, any partitions); the outcomes are in input order.</summary>
    public virtual async Task<AppendOutcome[]> AppendAsync(IReadOnlyList<PreparedEvent> events, CancellationToken cancellationToken = default)
    {
        var outcomes = new AppendOutcome[events.Count];
        // De-duplicate inside the request first: a second copy in the same request is judged against the first.
        var seen = new Dictionary<string, PreparedEvent>(StringComparer.Ordinal);
        var pending = new List<PendingAppend>(events.Count);
        var repeats = new List<int>();
        for (var i = 0; i < events.Count; i++)
        {
            if (seen.TryAdd(events[i].Partition + "/" + events[i].EventKey, events[i]))
            {
                pending.Add(new PendingAppend(events[i], i));
            }
            else
            {
                repeats.Add(i);
            }
        }
        foreach (var partition in pending.GroupBy(p => p.Event.Partition))
        {
            _committer.Enqueue(partition.Key, partition);
        }
        // The commits go on if the caller stops waiting: an event may be stored after its request was cancelled.
        await Task.WhenAll(pending.Select(p => p.Done.Task)).WaitAsync(cancellationToken);
        foreach (var p in pending)
        {
            outcomes[p.Index] = p.Done.Task.Result;
        }
        foreach (var i in repeats)
        {
            outcomes[i] = seen[events[i].Partition + "/" + events[i].EventKey].ContentHash == events[i].ContentHash ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
        }
        return outcomes;
    }

    /// <summary>The next transaction's events, oldest first: within 100 operations and about 2.5 MB, one per event key.</summary>
    private static List<PendingAppend> TakeTransaction(IReadOnlyList<PendingAppend> queued)
    {
        var batch = new List<PendingAppend>(Math.Min(queued.Count, MaxEventsPerTransaction));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var item in queued)
        {
            if (batch.Count == MaxEventsPerTransaction || (batch.Count > 0 && bytes + item.Event.Json.Length > MaxTransactionBytes))
            {
                break;
            }
            // Two writers of one event in one transaction would fail it as a whole; the later one waits for the next.
            if (keys.Add(item.Event.EventKey))
            {
                batch.Add(item);
                bytes += item.Event.Json.Length;
            }
        }
        return batch;
    }

    /// <summary>Commits a batch; an event that already exists is judged and taken out, and the rest go again.</summary>
    private async Task CommitAsync(List<PendingAppend> batch)
    {
        try
        {
            while (batch.Count > 0)
            {
                var now = _clock.GetUtcNow();
                var actions = new List<TableTransactionAction>(batch.Count * OperationsPerEvent);
                foreach (var item in batch)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EventEntityMapper.ToEventRow(item.Event, now)));
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EventEntityMapper.ToOutboxRow(item.Event, now)));
                }
                try
                {
                    await _events.SubmitTransactionAsync(actions);
                    batch.ForEach(item => item.Done.TrySetResult(AppendOutcome.Accepted));
                    return;
                }
                catch (TableTransactionFailedException failed) when (failed.Status == 409 && failed.FailedTransactionActionIndex is { } index)
                {
                    var existing = batch[index / OperationsPerEvent];
                    batch.Remove(existing);
                    try
                    {
                        existing.Done.TrySetResult(await ClassifyExistingAsync(existing.Event));
                    }
                    catch (Exception exception)
                    {
                        existing.Done.TrySetException(exception);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            batch.ForEach(item => item.Done.TrySetException(exception));
        }
    }

    /// <summary>
    /// Judges an event whose row already exists: the same content is a duplicate, other content a conflict. The
    /// existing row is the event itself, or, for an event stored before 2026-12, an id-lookup row pointing to it.
    /// </summary>
    private async Task<AppendOutcome> ClassifyExistingAsync(PreparedEvent prepared)
    {
        var existing = await _events.GetEntityIfExistsAsync<TableEntity>(prepared.Partition, prepared.RowKey, ["ContentHash"]);
        if (existing.HasValue && existing.Value!.GetString("ContentHash") is null)
        {
            existing = await _events.GetEntityIfExistsAsync<TableEntity>(prepared.Partition, EventKeys.LegacyEventRowKey(prepared.EventKey), ["ContentHash"]);
        }
        if (!existing.HasValue)
        {
            throw new RequestFailedException(503, "The event conflicted but could not be read back; retry.");
        }
        return existing.Value!.GetString("ContentHash") == prepared.ContentHash ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
    }

    /// <summary>Reads one event by its partition and row key (<see cref="StoredEvent.RowKey"/>), or null.</summary>
    public virtual async Task<StoredEvent?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken = default)
    {
        var row = await _events.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue && EventEntityMapper.IsEventRow(row.Value!) ? EventEntityMapper.FromEventRow(row.Value!) : null;
    }

    /// <summary>
    /// Reads the event a pointer names: <paramref name="rowKey"/> when the pointer was written with one (this layout),
    /// else the <c>e|{key}</c> row an event stored before 2026-12 lives at.
    /// </summary>
    public virtual Task<StoredEvent?> GetAsync(string partition, string? rowKey, string eventKey, CancellationToken cancellationToken = default) =>
        GetAsync(partition, rowKey ?? EventKeys.LegacyEventRowKey(eventKey), cancellationToken);

    /// <summary>One event waiting for its transaction, and its outcome once known.</summary>
    private sealed class PendingAppend(PreparedEvent prepared, int index)
    {
        public PreparedEvent Event { get; } = prepared;

        public int Index { get; } = index;

        public TaskCompletionSource<AppendOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
