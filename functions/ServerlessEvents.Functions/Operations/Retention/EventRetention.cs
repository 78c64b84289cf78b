using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Consumers;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.History;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Retention;

/// <summary>
/// Deletes a tenant's events ingested before a cutoff, walking the ingestion-order feed from the checkpoint.
/// Per event: its index rows (all-events and, for old data, type streams), its id row (only events stored before
/// 2026-12 have one beside the event row), the event row, then the feed row — in
/// that order, so a run interrupted anywhere leaves the event findable by the next run. An event whose outbox
/// marker is still present (unpublished) is kept. The checkpoint is saved after every batch and when stopped.
/// </summary>
public class EventRetention(TableServiceClient tables, RetentionStore store, IEnumerable<IRetentionObserver> observers, IOptions<EventLogOptions> eventLog, IOptions<RetentionOptions> options)
{
    private readonly TableClient _events = tables.GetTableClient(TableNames.Events);
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);

    /// <summary>Deletes what is older than the cutoff; returns (deleted, kept unpublished).</summary>
    public virtual async Task<(int Deleted, int Kept)> RunAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var position = await store.GetCheckpointAsync(tenant, RetentionStore.FeedStream, cancellationToken);
        var saved = position;
        var reported = 0;
        var cutoffKey = FeedKeys.TimeKey(cutoff);
        int deleted = 0, kept = 0;
        try
        {
            foreach (var bucket in await BucketsAsync(tenant, position, cutoff, cancellationToken))
            {
                var keptBefore = kept;
                while (true)
                {
                    var rows = await NextBatchAsync(tenant, bucket, position, cutoffKey, cancellationToken);
                    foreach (var row in rows)
                    {
                        switch (await DeleteEventAsync(tenant, row, cancellationToken))
                        {
                            case true:
                                deleted++;
                                break;
                            case false:
                                kept++;
                                break;
                        }
                        position = row.RowKey;
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                    if (rows.Count == 0)
                    {
                        break;
                    }
                    await store.SaveCheckpointAsync(tenant, RetentionStore.FeedStream, saved = position, cancellationToken);
                    reported = await ReportAsync(tenant, deleted, reported, cancellationToken);
                }
                if (FeedKeys.BucketStart(bucket).AddHours(1) <= cutoff && kept == keptBefore)
                {
                    await DeleteIfExistsAsync(_index, FeedKeys.DirectoryPartition(tenant), bucket, cancellationToken);
                }
            }
        }
        finally
        {
            if (position != saved)
            {
                // Stopped mid-batch (deadline or failure): keep what was done.
                await store.SaveCheckpointAsync(tenant, RetentionStore.FeedStream, position, CancellationToken.None);
            }
            await ReportAsync(tenant, deleted, reported, CancellationToken.None);
        }
        return (deleted, kept);
    }

    private async Task<int> ReportAsync(string tenant, int deleted, int reported, CancellationToken cancellationToken)
    {
        if (deleted > reported)
        {
            foreach (var observer in observers)
            {
                await observer.OnDeletedAsync(tenant, "events", deleted - reported, cancellationToken);
            }
        }
        return deleted;
    }

    private async Task<List<string>> BucketsAsync(string tenant, string position, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var from = FeedKeys.StampOf(position) is { } stamp ? FeedKeys.Bucket(stamp) : "";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedKeys.DirectoryPartition(tenant)} and RowKey ge {from} and RowKey le {FeedKeys.Bucket(cutoff)}");
        var buckets = new List<string>();
        await foreach (var row in _index.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            buckets.Add(row.RowKey);
        }
        return buckets.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<TableEntity>> NextBatchAsync(string tenant, string bucket, string after, string cutoffKey, CancellationToken cancellationToken)
    {
        var size = options.Value.BatchSize;
        var shards = await Task.WhenAll(Enumerable.Range(0, eventLog.Value.ShardCount).Select(async shard =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FeedKeys.Partition(tenant, bucket, shard)} and RowKey gt {after} and RowKey lt {cutoffKey}");
            var rows = new List<TableEntity>();
            await foreach (var row in _index.QueryAsync<TableEntity>(filter, maxPerPage: size, select: ["PartitionKey", "RowKey", "EventPartition", "EventKey", "EventRow"], cancellationToken: cancellationToken))
            {
                rows.Add(row);
                if (rows.Count >= size)
                {
                    break;
                }
            }
            return rows;
        }));
        return shards.SelectMany(s => s).OrderBy(r => r.RowKey, StringComparer.Ordinal).Take(size).ToList();
    }

    /// <summary>True: the event was deleted; false: kept (unpublished); null: only a stray feed row was removed.</summary>
    private async Task<bool?> DeleteEventAsync(string tenant, TableEntity feedRow, CancellationToken cancellationToken)
    {
        var partition = feedRow.GetString("EventPartition")!;
        var key = feedRow.GetString("EventKey")!;
        if ((await _events.GetEntityIfExistsAsync<TableEntity>(partition, EventKeys.OutboxPrefix + key, ["RowKey"], cancellationToken)).HasValue)
        {
            return false;
        }
        bool? deleted = null;
        // A feed row written before 2026-12 has no EventRow: its event is at e|{key}, beside an id row.
        var eventRow = feedRow.GetString("EventRow") ?? EventKeys.LegacyEventRowKey(key);
        var stored = await _events.GetEntityIfExistsAsync<TableEntity>(partition, eventRow, ["Id", "Type", "Time", "Shard"], cancellationToken);
        if (stored.HasValue)
        {
            var e = stored.Value!;
            var time = IndexKeys.ParseTime(e.GetString("Time")!);
            var shard = e.GetInt32("Shard") ?? 0;
            foreach (var stream in new[] { IndexKeys.AllStream, IndexKeys.TypeStream(e.GetString("Type")!) })
            {
                await DeleteIfExistsAsync(_index, IndexKeys.Partition(tenant, stream, IndexKeys.Bucket(stream, time), shard), IndexKeys.RowKey(time, key), cancellationToken);
            }
            var idRow = EventKeys.EventRowKey(e.GetString("Id")!, key);
            if (idRow != eventRow)
            {
                await DeleteIfExistsAsync(_events, partition, idRow, cancellationToken);
            }
            await DeleteIfExistsAsync(_events, partition, eventRow, cancellationToken);
            deleted = true;
        }
        await DeleteIfExistsAsync(_index, feedRow.PartitionKey, feedRow.RowKey, cancellationToken);
        return deleted;
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException failed) when (failed.Status == 404)
        {
        }
    }
}
