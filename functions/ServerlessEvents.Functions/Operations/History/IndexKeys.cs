using System.Globalization;

namespace ServerlessEvents.Functions.History;

/// <summary>
/// Keys of the EventIndex table (see docs/table-design.md). Index rows live in time-bucketed partitions, one
/// stream per tenant for all events (hourly buckets) and one per tenant and type (daily buckets), each split
/// into the same shards as the Events table. Row keys order newest first across every partition:
/// <c>{MaxTicks - time.Ticks:D19}|{eventKey}</c>.
/// </summary>
public static class IndexKeys
{
    /// <summary>The stream of all a tenant's events.</summary>
    public const string AllStream = "t";

    /// <summary>
    /// The stream of one event type: written by earlier versions (daily buckets), read by none now (type queries
    /// filter the all-events stream); retention still deletes what is left of it.
    /// </summary>
    public static string TypeStream(string type) => "y|" + type;

    /// <summary>Whether a stream buckets by hour (all events) or by day (one type).</summary>
    public static bool Hourly(string stream) => stream == AllStream;

    /// <summary>The bucket an event time falls in: <c>yyyyMMddHH</c> or <c>yyyyMMdd</c>.</summary>
    public static string Bucket(string stream, DateTimeOffset time) =>
        time.UtcDateTime.ToString(Hourly(stream) ? "yyyyMMddHH" : "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The first instant of a bucket.</summary>
    public static DateTimeOffset BucketStart(string stream, string bucket) =>
        DateTimeOffset.ParseExact(bucket, Hourly(stream) ? "yyyyMMddHH" : "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The length of a bucket.</summary>
    public static TimeSpan BucketLength(string stream) => Hourly(stream) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>The partition of one shard of one bucket.</summary>
    public static string Partition(string tenant, string stream, string bucket, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant}|{stream}|{bucket}|{shard:D2}");

    /// <summary>The partition listing a stream's non-empty buckets.</summary>
    public static string DirectoryPartition(string tenant, string stream) => tenant + "|d|" + stream;

    /// <summary>The time part of a row key: later times sort first.</summary>
    public static string TimeKey(DateTimeOffset time) => (DateTime.MaxValue.Ticks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The row key of an event.</summary>
    public static string RowKey(DateTimeOffset time, string eventKey) => TimeKey(time) + "|" + eventKey;

    /// <summary>The event time a row key encodes.</summary>
    public static DateTimeOffset TimeOf(string rowKey) =>
        new(DateTime.MaxValue.Ticks - long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>Parses an event's RFC 3339 time.</summary>
    public static DateTimeOffset ParseTime(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
