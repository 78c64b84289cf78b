using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.History;

/// <summary>
/// Answers history queries from the all-events index stream: only the buckets in the time range are read, their
/// shards are queried in parallel and merged newest first, and paging resumes after a row key. Type, source,
/// subject, user and correlation filters are <c>$filter</c> conditions inside those partitions.
/// </summary>
public class EventQueryService(TableServiceClient tables, EventStore store, EventTypeCatalog catalog, IOptions<EventLogOptions> options)
{
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);

    /// <summary>One page of the tenant's events matching the query.</summary>
    public virtual async Task<EventPage> QueryAsync(string tenant, EventQuery query, int limit, string? after, CancellationToken cancellationToken = default)
    {
        if (TypeFilter(query.Type) is not { } typeFilter)
        {
            return new EventPage([], null);
        }
        const string stream = IndexKeys.AllStream;
        var afterTime = after is null ? (DateTimeOffset?)null : IndexKeys.TimeOf(after);
        var buckets = new List<(string Bucket, DateTimeOffset Start)>();
        await foreach (var row in _index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {IndexKeys.DirectoryPartition(tenant, stream)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            var start = IndexKeys.BucketStart(stream, row.RowKey);
            var end = start + IndexKeys.BucketLength(stream);
            if ((query.From is null || end > query.From) && (query.To is null || start < query.To) && (afterTime is null || start <= afterTime))
            {
                buckets.Add((row.RowKey, start));
            }
        }
        var results = new List<TableEntity>(limit);
        foreach (var (bucket, _) in buckets.OrderByDescending(b => b.Start))
        {
            var partitions = Enumerable.Range(0, options.Value.ShardCount).Select(shard => IndexKeys.Partition(tenant, stream, bucket, shard));
            var rows = await Task.WhenAll(partitions.Select(p => ReadPartitionAsync(p, query, typeFilter, after, limit - results.Count, cancellationToken)));
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

    /// <summary>
    /// The <c>$filter</c> condition on the type: empty for all types, one type, or the catalog's types under a prefix
    /// such as <c>order.*</c>; null when a prefix matches no type (nothing can match).
    /// </summary>
    private string? TypeFilter(string? type)
    {
        if (string.IsNullOrEmpty(type) || type == "*")
        {
            return "";
        }
        var types = type.EndsWith(".*", StringComparison.Ordinal) ? catalog.Expand(type).ToArray() : [type];
        return types.Length == 0 ? null
            : " and (" + string.Join(" or ", types.Select(t => "Type eq " + TableClient.CreateQueryFilter($"{t}"))) + ")";
    }

    private async Task<List<TableEntity>> ReadPartitionAsync(string partition, EventQuery query, string typeFilter, string? after, int take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + typeFilter;
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
