using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>
/// Keys of the <c>Metrics</c> table. Partition <c>{tenant}|{shard:D2}</c>; counter rows <c>c|{metric}|{hash of labels}</c>;
/// marker rows <c>seen|{hash of marker}</c>. Hashes keep keys free of characters Table Storage forbids.
/// </summary>
public static class MetricKeys
{
    /// <summary>The pseudo-tenant of invocations whose event had no tenant (only the administrator sees it).</summary>
    public const string NoTenant = "_none";

    /// <summary>The first counter row key.</summary>
    public const string CounterPrefix = "c|";

    /// <summary>The partition of a tenant's shard.</summary>
    public static string Partition(string tenant, int shard) => string.Create(CultureInfo.InvariantCulture, $"{tenant}|{shard:D2}");

    /// <summary>The row of a series.</summary>
    public static string CounterRow(CounterIncrement increment) => CounterPrefix + increment.Metric + "|" + Hash(increment.LabelsJson);

    /// <summary>The row that records a marker as counted.</summary>
    public static string MarkerRow(string marker) => "seen|" + Hash(marker);

    /// <summary>The shard a marker's counts go to (stable, so its marker row is always in the same partition).</summary>
    public static int ShardOf(string marker, int shards) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(marker)), 0) % (uint)shards);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
