using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.History;

/// <summary>
/// Answers history queries from the index: only the buckets in the time range (or of the requested types) are
/// read, their shards are queried in parallel and merged newest first, and paging resumes after a row key.
/// </summary>
public class EventQueryService(TableServiceClient tables, EventStore store, EventTypeCatalog catalog, IOptions<EventLogOptions> options)
{
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);

    /// <summary>One page of the tenant's events matching the query.</summary>
    public virtual async Task<EventPage> QueryAsync(string tenant, EventQuery query, int limit, string? after, CancellationToken cancellationToken = default)
    {
        var streams = Streams(query.Type);
        var buckets = new List<(string Stream, string Bucket, DateTimeOffset Start)>();
        foreach (var stream in streams)
        {
            await foreach (var row in _index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {IndexKeys.DirectoryPartition(tenant, stream)}"), select: ["RowKey"], cancellationToken: cancellationToken))
            {
                var start = IndexKeys.BucketStart(stream, row.RowKey);
                var end = start + IndexKeys.BucketLength(stream);
                var afterTime = after is null ? (DateTimeOffset?)null : IndexKeys.TimeOf(after);
                if ((query.From is null || end > query.From) && (query.To is null || start < query.To) && (afterTime is null || start <= afterTime))
                {
                    buckets.Add((stream, row.RowKey, start));
                }
            }
        }
        var results = new List<TableEntity>(limit);
        foreach (var group in buckets.GroupBy(b => b.Start).OrderByDescending(g => g.Key))
        {
            var partitions = group.SelectMany(b => Enumerable.Range(0, options.Value.ShardCount).Select(shard => IndexKeys.Partition(tenant, b.Stream, b.Bucket, shard)));
            var rows = await Task.WhenAll(partitions.Select(p => ReadPartitionAsync(p, query, after, limit - results.Count, cancellationToken)));
            results.AddRange(rows.SelectMany(r => r).OrderBy(r => r.RowKey, StringComparer.Ordinal).Take(limit - results.Count));
            if (results.Count >= limit)
            {
                break;
            }
        }
        var events = await Task.WhenAll(results.Select(row => IndexRows.JsonOfAsync(row, store, cancellationToken)));
        var next = results.Count >= limit ? ContinuationToken.Encode(results[^1].RowKey) : null;
        return new EventPage(events, next);
    }

    /// <summary>The index streams to read: the all-events stream, or one per matching type.</summary>
    private IReadOnlyList<string> Streams(string? type) =>
        string.IsNullOrEmpty(type) || type == "*" ? [IndexKeys.AllStream]
        : type.EndsWith(".*", StringComparison.Ordinal) ? catalog.Expand(type).Select(IndexKeys.TypeStream).ToArray()
        : [IndexKeys.TypeStream(type)];

    private async Task<List<TableEntity>> ReadPartitionAsync(string partition, EventQuery query, string? after, int take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }
        if (query.To is { } to)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {IndexKeys.TimeKey(to.AddTicks(-1))}");
        }
        if (query.From is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {IndexKeys.TimeKey(from.AddTicks(-1))}");
        }
        foreach (var (name, value) in new[] { ("Source", query.Source), ("Subject", query.Subject), ("UserId", query.UserId), ("CorrelationId", query.CorrelationId) })
        {
            if (value is not null)
            {
                filter += $" and {name} eq " + TableClient.CreateQueryFilter($"{value}");
            }
        }
        return await IndexRows.TakeAsync(_index, filter, take, cancellationToken);
    }
}
