using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>
/// The audit log's write and point-read side. Each event is written with its outbox marker and its id-lookup
/// row in one entity-group transaction, and the event row's key is the de-duplication key, so concurrent
/// writers of one event store exactly one copy.
/// </summary>
public class EventStore(TableServiceClient tables, TimeProvider clock)
{
    private const int OperationsPerEvent = 3;
    private const int MaxTransactionBytes = 2_500_000;
    private readonly TableClient _events = tables.GetTableClient(TableNames.Events);

    /// <summary>Stores events (any tenants, any partitions); the outcomes are in input order.</summary>
    public virtual async Task<AppendOutcome[]> AppendAsync(IReadOnlyList<PreparedEvent> events, CancellationToken cancellationToken = default)
    {
        var outcomes = new AppendOutcome[events.Count];
        var now = clock.GetUtcNow();
        var groups = events.Select((e, i) => (Event: e, Index: i)).GroupBy(x => x.Event.Partition);
        await Task.WhenAll(groups.Select(group => AppendPartitionAsync(group.ToList(), outcomes, now, cancellationToken)));
        return outcomes;
    }

    private async Task AppendPartitionAsync(List<(PreparedEvent Event, int Index)> pending, AppendOutcome[] outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // De-duplicate inside the request first: a second copy in the same batch is judged against the first.
        var seen = new Dictionary<string, PreparedEvent>(StringComparer.Ordinal);
        var repeats = pending.Where(x => !seen.TryAdd(x.Event.EventKey, x.Event)).ToList();
        pending = pending.Except(repeats).ToList();
        while (pending.Count > 0)
        {
            var chunk = TakeChunk(pending);
            var actions = chunk.SelectMany(x => new[]
            {
                new TableTransactionAction(TableTransactionActionType.Add, EventEntityMapper.ToEventRow(x.Event, now)),
                new TableTransactionAction(TableTransactionActionType.Add, EventEntityMapper.ToOutboxRow(x.Event, now)),
                new TableTransactionAction(TableTransactionActionType.Add, EventEntityMapper.ToIdRow(x.Event)),
            }).ToList();
            try
            {
                await _events.SubmitTransactionAsync(actions, cancellationToken);
                foreach (var x in chunk)
                {
                    outcomes[x.Index] = AppendOutcome.Accepted;
                }
                pending.RemoveRange(0, chunk.Count);
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 409 && failed.FailedTransactionActionIndex is { } index)
            {
                var existing = chunk[index / OperationsPerEvent];
                outcomes[existing.Index] = await ClassifyExistingAsync(existing.Event, cancellationToken);
                pending.Remove(existing);
            }
        }
        foreach (var repeat in repeats)
        {
            outcomes[repeat.Index] = seen[repeat.Event.EventKey].ContentHash == repeat.Event.ContentHash ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
        }
    }

    private async Task<AppendOutcome> ClassifyExistingAsync(PreparedEvent prepared, CancellationToken cancellationToken)
    {
        var existing = await _events.GetEntityIfExistsAsync<TableEntity>(prepared.Partition, EventKeys.EventPrefix + prepared.EventKey, ["ContentHash"], cancellationToken);
        if (!existing.HasValue)
        {
            throw new RequestFailedException(503, "The event conflicted but could not be read back; retry.");
        }
        return existing.Value!.GetString("ContentHash") == prepared.ContentHash ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
    }

    private static List<(PreparedEvent Event, int Index)> TakeChunk(List<(PreparedEvent Event, int Index)> pending)
    {
        var chunk = new List<(PreparedEvent Event, int Index)>();
        var bytes = 0;
        foreach (var item in pending)
        {
            if (chunk.Count > 0 && (chunk.Count * OperationsPerEvent + OperationsPerEvent > 100 || bytes + item.Event.Json.Length > MaxTransactionBytes))
            {
                break;
            }
            chunk.Add(item);
            bytes += item.Event.Json.Length;
        }
        return chunk;
    }

    /// <summary>Reads one event by its partition and key, or null.</summary>
    public virtual async Task<StoredEvent?> GetAsync(string partition, string eventKey, CancellationToken cancellationToken = default)
    {
        var row = await _events.GetEntityIfExistsAsync<TableEntity>(partition, EventKeys.EventPrefix + eventKey, cancellationToken: cancellationToken);
        return row.HasValue ? EventEntityMapper.FromEventRow(row.Value!) : null;
    }
}
