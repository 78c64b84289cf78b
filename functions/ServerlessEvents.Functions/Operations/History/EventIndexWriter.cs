using System.Collections.Concurrent;
using Azure.Data.Tables;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.History;

/// <summary>
/// Writes the index row of each stored event in the tenant's all-events stream, plus the bucket directory rows.
/// Type queries filter that stream (there is no per-type stream any more: one index write per event, not two).
/// Upserts only, so writing twice (after a crash, by the sweeper) is harmless.
/// </summary>
public class EventIndexWriter(TableServiceClient tables)
{
    /// <summary>Index rows carry the event JSON when it fits one property, so listings need no point reads.</summary>
    public const int InlineJsonLimit = EventEntityMapper.ChunkBytes;
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);
    private readonly ConcurrentDictionary<string, bool> _knownBuckets = new(StringComparer.Ordinal);

    /// <summary>Indexes the events.</summary>
    public virtual async Task WriteAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>(events.Count);
        var directory = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var time = IndexKeys.ParseTime(e.Time);
            var bucket = IndexKeys.Bucket(IndexKeys.AllStream, time);
            rows.Add(ToIndexRow(e, IndexKeys.Partition(e.Tenant, IndexKeys.AllStream, bucket, e.Shard), IndexKeys.RowKey(time, e.EventKey)));
            var directoryRow = new TableEntity(IndexKeys.DirectoryPartition(e.Tenant, IndexKeys.AllStream), bucket);
            if (!_knownBuckets.ContainsKey(directoryRow.PartitionKey + "/" + bucket))
            {
                directory[directoryRow.PartitionKey + "/" + bucket] = directoryRow;
            }
        }
        await Task.WhenAll(rows.Concat(directory.Values).GroupBy(r => r.PartitionKey).SelectMany(Chunk).Select(chunk =>
            _index.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken)));
        foreach (var key in directory.Keys)
        {
            _knownBuckets[key] = true;
        }
    }

    /// <summary>Splits one partition's rows into transactions within 100 operations and about 2.5 MB of JSON (the limit is 4 MiB on the wire, base64 included).</summary>
    private static IEnumerable<List<TableEntity>> Chunk(IEnumerable<TableEntity> partitionRows)
    {
        var chunk = new List<TableEntity>();
        var bytes = 0;
        foreach (var row in partitionRows.DistinctBy(r => r.RowKey))
        {
            var size = row.GetBinary("J0")?.Length ?? 0;
            if (chunk.Count == 100 || (chunk.Count > 0 && bytes + size > 2_500_000))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }
            chunk.Add(row);
            bytes += size;
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static TableEntity ToIndexRow(StoredEvent e, string partition, string rowKey)
    {
        var row = new TableEntity(partition, rowKey)
        {
            ["Type"] = e.Type,
            ["Source"] = e.Source,
            ["Subject"] = e.Subject,
            ["UserId"] = e.UserId,
            ["CorrelationId"] = e.CorrelationId,
            ["Time"] = e.Time,
            ["EventPartition"] = e.Partition,
            ["EventKey"] = e.EventKey,
            ["EventRow"] = e.RowKey,
        };
        if (e.Json.Length <= InlineJsonLimit)
        {
            EventEntityMapper.WriteChunks(row, "J", e.Json);
        }
        return row;
    }
}
