using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>
/// Table keys of the audit log (see docs/table-design.md). An event lives in partition
/// <c>{tenant}|{shard}</c> of the Events table, where the shard comes from a hash of its id, so a point
/// lookup by id knows its partition and one tenant's writes spread over <c>ShardCount</c> partitions.
/// </summary>
public static class EventKeys
{
    /// <summary>
    /// Row-key prefix of an event row as versions before 2026-12 wrote it: <c>e|{key}</c>, where key hashes tenant,
    /// source and id, beside a separate id-lookup row. Still read; no longer written (see <see cref="EventRowKey"/>).
    /// </summary>
    public const string EventPrefix = "e|";
    /// <summary>Row-key prefix of an outbox marker: <c>o|{key}</c>.</summary>
    public const string OutboxPrefix = "o|";
    /// <summary>
    /// Row-key prefix of an event row: <c>i|{escaped id}|{key}</c>. The row is the event itself, its
    /// de-duplication key and its id lookup at once. (Before 2026-12 a row with this key was only an id-lookup
    /// pointer to <c>e|{key}</c>; such rows have no <c>ContentHash</c>.)
    /// </summary>
    public const string IdPrefix = "i|";

    /// <summary>The event key: 32 hex characters of SHA-256 over tenant, source and id. It is also the dedup key.</summary>
    public static string EventKey(string tenant, string source, string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(tenant, "\n", source, "\n", id)), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The shard of an event id, in [0, shardCount).</summary>
    public static int Shard(string id, int shardCount)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return (int)(BitConverter.ToUInt32(hash[..4]) % (uint)shardCount);
    }

    /// <summary>The Events-table partition of a tenant's shard.</summary>
    public static string Partition(string tenant, int shard) => string.Create(CultureInfo.InvariantCulture, $"{tenant}|{shard:D2}");

    /// <summary>The row key of an event: <c>i|{escaped id}|{key}</c>.</summary>
    public static string EventRowKey(string id, string eventKey) => IdRowPrefix(id) + eventKey;

    /// <summary>The row key of an event written before 2026-12: <c>e|{key}</c>.</summary>
    public static string LegacyEventRowKey(string eventKey) => EventPrefix + eventKey;

    /// <summary>The event key at the end of an event row's key (either layout).</summary>
    public static string KeyOfRow(string rowKey) => rowKey[(rowKey.LastIndexOf('|') + 1)..];

    /// <summary>The id-lookup row key prefix for an id (all sources).</summary>
    public static string IdRowPrefix(string id) => IdPrefix + Escape(id) + "|";

    /// <summary>
    /// Escapes text for use inside a key: characters tables forbid (<c>/ \ # ?</c>, control characters), the
    /// separator <c>|</c> and <c>%</c> itself become <c>%XX</c>, so distinct ids never collide.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or '%' or '\'' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The exclusive upper bound of a row-key prefix range.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
