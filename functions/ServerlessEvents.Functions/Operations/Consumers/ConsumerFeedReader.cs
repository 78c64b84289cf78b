using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.History;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// Reads a tenant's feed after a position, oldest first, up to <c>now - SafetyLagSeconds</c>: the hours listed
/// in the directory, all shards of an hour in parallel, merged by row key (the same order in every shard).
/// </summary>
public class ConsumerFeedReader(TableServiceClient tables, EventStore store, TimeProvider clock, IOptions<EventLogOptions> eventLog, IOptions<ConsumerOptions> options)
{
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);

    /// <summary>The exclusive upper bound of what may be read now (the safety lag applied).</summary>
    public string Horizon() => FeedKeys.TimeKey(clock.GetUtcNow().AddSeconds(-options.Value.SafetyLagSeconds));

    /// <summary>Reads up to <paramref name="limit"/> events matching <paramref name="filter"/> after <paramref name="after"/>.</summary>
    public virtual async Task<FeedPage> ReadAsync(string tenant, string after, Func<string, bool> filter, int limit, CancellationToken cancellationToken = default)
    {
        var horizon = Horizon();
        var budget = options.Value.MaxScanPerPage;
        var position = after;
        var matches = new List<TableEntity>(limit);
        var fromBucket = FeedKeys.StampOf(after) is { } stamp ? FeedKeys.Bucket(stamp) : "";
        var horizonBucket = FeedKeys.Bucket(FeedKeys.StampOf(horizon)!.Value);
        var buckets = new List<string>();
        var directory = TableClient.CreateQueryFilter($"PartitionKey eq {FeedKeys.DirectoryPartition(tenant)} and RowKey ge {fromBucket} and RowKey le {horizonBucket}");
        await foreach (var row in _index.QueryAsync<TableEntity>(directory, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            buckets.Add(row.RowKey);
        }
        foreach (var bucket in buckets.Order(StringComparer.Ordinal))
        {
            var shards = await Task.WhenAll(Enumerable.Range(0, eventLog.Value.ShardCount)
                .Select(shard => ReadPartitionAsync(FeedKeys.Partition(tenant, bucket, shard), position, horizon, budget, cancellationToken)));
            foreach (var row in shards.SelectMany(s => s).OrderBy(r => r.RowKey, StringComparer.Ordinal).Take(budget))
            {
                budget--;
                position = row.RowKey;
                if (filter(row.GetString("Type") ?? "") && matches.Count < limit)
                {
                    matches.Add(row);
                }
                if (matches.Count >= limit)
                {
                    break;
                }
            }
            if (budget <= 0 || matches.Count >= limit)
            {
                break;
            }
        }
        var events = await Task.WhenAll(matches.Select(row => IndexRows.JsonOfAsync(row, store, cancellationToken)));
        return new FeedPage(events.Where(e => e.Length > 0).ToArray(), position);
    }

    private async Task<List<TableEntity>> ReadPartitionAsync(string partition, string after, string horizon, int take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {horizon}");
        return await IndexRows.TakeAsync(_index, filter, take, cancellationToken);
    }
}
