using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ServerlessEvents.Functions.EventLog;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// Keys of the <c>Notifications</c> table. Partition <c>{tenant}|{escaped userId}</c>. A notification row is
/// <c>n|{inverted event ticks:D19}|{id}</c> (newest first); an index row <c>i|{id}</c> points at it for the read endpoint.
/// The id is 32 hex characters of SHA-256 over the delivery's dedup key and the rule, so a redelivery gets the same keys.
/// </summary>
public static class NotificationKeys
{
    /// <summary>Row-key prefix of notification rows.</summary>
    public const string RowPrefix = "n|";
    /// <summary>Row-key prefix of id index rows.</summary>
    public const string IndexPrefix = "i|";

    /// <summary>The partition of a user's notifications.</summary>
    public static string Partition(string tenant, string userId) => tenant + "|" + EventKeys.Escape(userId);

    /// <summary>The deterministic notification id.</summary>
    public static string Id(string dedupKey, string rule)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey + "\n" + rule), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>True for text shaped like an id (so anything else is a 404 without a lookup).</summary>
    public static bool IsId(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>The row key of a notification created at <paramref name="createdAt"/>.</summary>
    public static string Row(DateTimeOffset createdAt, string id) =>
        RowPrefix + (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id;

    /// <summary>True for a row key of a notification row (continuation tokens must be one).</summary>
    public static bool IsRow(string rowKey) => rowKey.Length == 2 + 19 + 1 + 32 && rowKey.StartsWith(RowPrefix, StringComparison.Ordinal)
        && rowKey.AsSpan(2, 19).ContainsAnyExceptInRange('0', '9') is false && rowKey[21] == '|' && IsId(rowKey[22..]);
}
