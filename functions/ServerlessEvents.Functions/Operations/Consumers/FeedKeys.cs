using System.Globalization;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// Keys of the ingestion-order feed, stored in the EventIndex table beside the history streams (see
/// docs/consumers.md). Partitions <c>{tenant}|f|{yyyyMMddHH}|{shard:D2}</c>; row keys
/// <c>{stampTicks:D19}|{eventKey}</c>, so they sort OLDEST first and in the same order in every partition.
/// A directory partition <c>{tenant}|d|f</c> lists the hours that hold feed rows.
/// </summary>
public static class FeedKeys
{
    /// <summary>The lowest possible row key: before every feed entry.</summary>
    public const string Start = "";

    /// <summary>The hour bucket of a stamp.</summary>
    public static string Bucket(DateTimeOffset stamp) => stamp.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>The first instant of a bucket.</summary>
    public static DateTimeOffset BucketStart(string bucket) =>
        DateTimeOffset.ParseExact(bucket, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The partition of one shard of one hour.</summary>
    public static string Partition(string tenant, string bucket, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant}|f|{bucket}|{shard:D2}");

    /// <summary>The directory of non-empty hours.</summary>
    public static string DirectoryPartition(string tenant) => tenant + "|d|f";

    /// <summary>The time part of a row key (ascending).</summary>
    public static string TimeKey(DateTimeOffset stamp) => stamp.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The row key of a feed entry.</summary>
    public static string RowKey(DateTimeOffset stamp, string eventKey) => TimeKey(stamp) + "|" + eventKey;

    /// <summary>The stamp a row key encodes; null for <see cref="Start"/> or anything malformed.</summary>
    public static DateTimeOffset? StampOf(string rowKey) =>
        rowKey.Length >= 19 && long.TryParse(rowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
