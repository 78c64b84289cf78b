using Azure.Data.Tables;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>
/// Maps events to table rows. A table property holds at most 64 KiB, so the event JSON (up to 1 MB) is split
/// across binary properties <c>J0..Jn</c> and reassembled on read.
/// </summary>
public static class EventEntityMapper
{
    /// <summary>Bytes per JSON chunk property; below the 64 KiB property limit.</summary>
    public const int ChunkBytes = 64_000;

    /// <summary>The event row, at <see cref="EventKeys.EventRowKey"/>.</summary>
    public static TableEntity ToEventRow(PreparedEvent prepared, DateTimeOffset ingestedAt)
    {
        var e = prepared.Event;
        var row = new TableEntity(prepared.Partition, prepared.RowKey)
        {
            ["Tenant"] = prepared.Tenant,
            ["Id"] = e.Id,
            ["Source"] = e.Source,
            ["Type"] = e.Type,
            ["Subject"] = e.Subject,
            ["Time"] = e.Time,
            ["UserId"] = e.UserId,
            ["CorrelationId"] = e.CorrelationId,
            ["ContentHash"] = prepared.ContentHash,
            ["Shard"] = prepared.Shard,
            ["IngestedAt"] = ingestedAt,
        };
        WriteChunks(row, "J", prepared.Json);
        return row;
    }

    /// <summary>The outbox marker written in the same transaction as the event; <c>EventRow</c> locates the event.</summary>
    public static TableEntity ToOutboxRow(PreparedEvent prepared, DateTimeOffset ingestedAt) =>
        new(prepared.Partition, EventKeys.OutboxPrefix + prepared.EventKey)
        {
            ["IngestedAt"] = ingestedAt,
            ["Type"] = prepared.Event.Type,
            ["EventRow"] = prepared.RowKey,
        };

    /// <summary>Whether a row under <see cref="EventKeys.IdPrefix"/> is an event (this layout) rather than an old id-lookup pointer.</summary>
    public static bool IsEventRow(TableEntity row) => row.ContainsKey("ContentHash");

    /// <summary>Reads an event row back (either layout).</summary>
    public static StoredEvent FromEventRow(TableEntity row) => new(
        row.GetString("Tenant")!, row.GetString("Id")!, row.GetString("Source")!, row.GetString("Type")!, row.GetString("Subject"),
        row.GetString("Time")!, row.GetString("UserId"), row.GetString("CorrelationId"), EventKeys.KeyOfRow(row.RowKey), row.GetInt32("Shard") ?? 0, row.GetString("ContentHash")!,
        ReadChunks(row, "J"), row.GetDateTimeOffset("IngestedAt") ?? default, row.GetDateTimeOffset("PublishedAt")) { RowKey = row.RowKey };

    /// <summary>Splits bytes across <c>{prefix}0..n</c> with a count in <c>{prefix}Chunks</c>.</summary>
    public static void WriteChunks(TableEntity row, string prefix, ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var offset = 0; offset < bytes.Length || count == 0; offset += ChunkBytes, count++)
        {
            row[prefix + count] = bytes.Slice(offset, Math.Min(ChunkBytes, bytes.Length - offset)).ToArray();
        }
        row[prefix + "Chunks"] = count;
    }

    /// <summary>Reassembles chunked bytes.</summary>
    public static byte[] ReadChunks(TableEntity row, string prefix)
    {
        var count = row.GetInt32(prefix + "Chunks") ?? 0;
        var parts = Enumerable.Range(0, count).Select(i => row.GetBinary(prefix + i) ?? []).ToArray();
        var result = new byte[parts.Sum(p => p.Length)];
        var position = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, position);
            position += part.Length;
        }
        return result;
    }
}
