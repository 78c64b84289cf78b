using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.History;

/// <summary>Counts of a tenant's events by type over a window, with per-minute buckets, read from the index.</summary>
public class EventStatsService(TableServiceClient tables, IOptions<EventLogOptions> options)
{
    private readonly TableClient _index = tables.GetTableClient(TableNames.EventIndex);

    /// <summary>Counts events with a time in [from, to).</summary>
    public virtual async Task<EventStats> GetAsync(string tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byMinute = new SortedDictionary<DateTimeOffset, SortedDictionary<string, long>>();
        var buckets = new List<string>();
        for (var hour = new DateTimeOffset(from.UtcDateTime.Date.AddHours(from.UtcDateTime.Hour), TimeSpan.Zero); hour < to; hour = hour.AddHours(1))
        {
            buckets.Add(IndexKeys.Bucket(IndexKeys.AllStream, hour));
        }
        var partitions = buckets.SelectMany(b => Enumerable.Range(0, options.Value.ShardCount).Select(s => IndexKeys.Partition(tenant, IndexKeys.AllStream, b, s)));
        var lists = await Task.WhenAll(partitions.Select(async partition =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {IndexKeys.TimeKey(to.AddTicks(-1))} and RowKey lt {IndexKeys.TimeKey(from.AddTicks(-1))}");
            var rows = new List<(string Type, DateTimeOffset Time)>();
            await foreach (var row in _index.QueryAsync<TableEntity>(filter, select: ["RowKey", "Type"], cancellationToken: cancellationToken))
            {
                rows.Add((row.GetString("Type")!, IndexKeys.TimeOf(row.RowKey)));
            }
            return rows;
        }));
        foreach (var (type, time) in lists.SelectMany(l => l))
        {
            byType[type] = byType.GetValueOrDefault(type) + 1;
            var minute = new DateTimeOffset(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            var counts = byMinute.TryGetValue(minute, out var existing) ? existing : byMinute[minute] = new SortedDictionary<string, long>(StringComparer.Ordinal);
            counts[type] = counts.GetValueOrDefault(type) + 1;
        }
        return new EventStats(from, to, byType.Values.Sum(), byType,
            byMinute.Select(m => new MinuteBucket(m.Key, m.Value.Values.Sum(), m.Value)).ToArray());
    }
}
