using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>The outbox markers that sit beside each event in its partition.</summary>
public class OutboxStore(TableServiceClient tables, EventStore store)
{
    private readonly TableClient _events = tables.GetTableClient(TableNames.Events);

    /// <summary>Stamps the events published and deletes their markers, one transaction per partition.</summary>
    public virtual async Task MarkPublishedAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(events.GroupBy(e => e.Partition).SelectMany(g => g.DistinctBy(e => e.EventKey).Chunk(50)).Select(async chunk =>
        {
            var actions = chunk.SelectMany(e => new[]
            {
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(e.Partition, e.RowKey) { ["PublishedAt"] = now }, ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.Partition, EventKeys.OutboxPrefix + e.EventKey), ETag.All),
            });
            try
            {
                await _events.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 404)
            {
                // Another worker completed some of them first; finish the rest one by one.
                foreach (var e in chunk)
                {
                    await _events.UpdateEntityAsync(new TableEntity(e.Partition, e.RowKey) { ["PublishedAt"] = now }, ETag.All, TableUpdateMode.Merge, cancellationToken);
                    await _events.DeleteEntityAsync(e.Partition, EventKeys.OutboxPrefix + e.EventKey, ETag.All, cancellationToken);
                }
            }
        }));
    }

    /// <summary>The events of one partition whose markers are older than the cutoff.</summary>
    public virtual async Task<IReadOnlyList<StoredEvent>> ListPendingAsync(string partition, DateTimeOffset olderThan, int max, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {EventKeys.OutboxPrefix} and RowKey lt {EventKeys.PrefixEnd(EventKeys.OutboxPrefix)} and IngestedAt lt {olderThan}");
        var markers = new List<(string Key, string? EventRow)>();
        await foreach (var row in _events.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["RowKey", "EventRow"], cancellationToken: cancellationToken))
        {
            markers.Add((row.RowKey[EventKeys.OutboxPrefix.Length..], row.GetString("EventRow")));
            if (markers.Count >= max)
            {
                break;
            }
        }
        // A marker written before 2026-12 has no EventRow: its event is at e|{key}.
        var events = await Task.WhenAll(markers.Select(m => store.GetAsync(partition, m.EventRow, m.Key, cancellationToken)));
        return events.OfType<StoredEvent>().ToArray();
    }
}
