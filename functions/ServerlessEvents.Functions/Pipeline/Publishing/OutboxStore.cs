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
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(e.Partition, EventKeys.EventPrefix + e.EventKey) { ["PublishedAt"] = now }, ETag.All),
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
                    await _events.UpdateEntityAsync(new TableEntity(e.Partition, EventKeys.EventPrefix + e.EventKey) { ["PublishedAt"] = now }, ETag.All, TableUpdateMode.Merge, cancellationToken);
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
        var keys = new List<string>();
        await foreach (var row in _events.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey[EventKeys.OutboxPrefix.Length..]);
            if (keys.Count >= max)
            {
                break;
            }
        }
        var events = await Task.WhenAll(keys.Select(key => store.GetAsync(partition, key, cancellationToken)));
        return events.OfType<StoredEvent>().ToArray();
    }
}
