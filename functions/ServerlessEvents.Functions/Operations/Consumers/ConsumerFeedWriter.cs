using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// Writes the ingestion-order feed rows of just-committed events (called by the outbox processor right after
/// the index, on the fast path and by the sweeper). A row is stamped with the event's ingestion time when that
/// is recent, else with the current time (an event the sweeper finishes late is re-stamped "now", so it lands
/// ahead of every consumer's position instead of behind it). The write must finish within half the safety
/// lag or it fails, leaving the event in the outbox for the sweeper to re-stamp. Upserts only.
/// </summary>
public class ConsumerFeedWriter(TableServiceClient tables, TimeProvider clock, IOptions<ConsumerOptions> options)
{
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);
    private readonly ConcurrentDictionary<string, bool> _knownBuckets = new(StringComparer.Ordinal);

    /// <summary>Writes the feed rows of the events.</summary>
    public virtual async Task WriteAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }
        var halfLag = options.Value.HalfLag;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(halfLag);
        var now = clock.GetUtcNow();
        var rows = events.Select(e => ToRow(e, now - e.IngestedAt < halfLag && e.IngestedAt <= now ? e.IngestedAt : now)).ToList();
        try
        {
            // Directory rows first: a reader must never see a feed row in an hour its directory does not list yet.
            var directory = rows.Select(r => (Tenant: r.GetString("Tenant")!, Bucket: r.GetString("Bucket")!)).Distinct()
                .Where(d => !_knownBuckets.ContainsKey(d.Tenant + "/" + d.Bucket)).ToList();
            await Task.WhenAll(directory.Select(d => _index.UpsertEntityAsync(new TableEntity(FeedKeys.DirectoryPartition(d.Tenant), d.Bucket), TableUpdateMode.Replace, limit.Token)));
            foreach (var d in directory)
            {
                _knownBuckets[d.Tenant + "/" + d.Bucket] = true;
            }
            await Task.WhenAll(rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.DistinctBy(r => r.RowKey).Chunk(g.Any(r => r.ContainsKey("J0")) ? 40 : 100))
                .Select(chunk => _index.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), limit.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Feed rows were not written within {halfLag.TotalSeconds} s; the outbox sweeper re-stamps them.");
        }
    }

    private static TableEntity ToRow(StoredEvent e, DateTimeOffset stamp)
    {
        var bucket = FeedKeys.Bucket(stamp);
        var row = new TableEntity(FeedKeys.Partition(e.Tenant, bucket, e.Shard), FeedKeys.RowKey(stamp, e.EventKey))
        {
            ["Tenant"] = e.Tenant,
            ["Bucket"] = bucket,
            ["Type"] = e.Type,
            ["EventPartition"] = e.Partition,
            ["EventKey"] = e.EventKey,
            ["EventRow"] = e.RowKey,
        };
        if (e.Json.Length <= EventEntityMapper.ChunkBytes)
        {
            EventEntityMapper.WriteChunks(row, "J", e.Json);
        }
        return row;
    }
}
