using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// The Replays table: partition = tenant, row = replay id. Besides the record, the row holds the job's step
/// state: <c>Step</c> (the last chunk applied), <c>Next</c> (the message that follows it) and <c>EnqueuedSeq</c>
/// (the highest chunk sent), which make a chunk delivered twice harmless.
/// </summary>
public class ReplayStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Replays);

    /// <summary>Stores a new replay.</summary>
    public virtual Task CreateAsync(ReplayRecord replay, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(replay.Tenant, replay.ReplayId)
        {
            ["Status"] = replay.Status,
            ["Total"] = replay.Total,
            ["Processed"] = replay.Processed,
            ["Target"] = replay.Target.Extension ?? "all",
            ["CreatedAt"] = replay.CreatedAt,
            ["CompletedAt"] = replay.CompletedAt,
            ["Filter"] = replay.Filter is null ? null : JsonSerializer.Serialize(replay.Filter),
            ["Step"] = -1,
            ["EnqueuedSeq"] = 0,
        };
        if (replay.Locations is not null)
        {
            EventEntityMapper.WriteChunks(row, "L", Encoding.UTF8.GetBytes(string.Join('\n', replay.Locations)));
        }
        return _table.AddEntityAsync(row, cancellationToken);
    }

    /// <summary>The raw row (with its ETag), or null.</summary>
    public virtual async Task<TableEntity?> GetRowAsync(string tenant, string replayId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, replayId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The replay, or null (another tenant's id is simply not found).</summary>
    public virtual async Task<ReplayRecord?> GetAsync(string tenant, string replayId, CancellationToken cancellationToken = default) =>
        await GetRowAsync(tenant, replayId, cancellationToken) is { } row ? FromRow(row) : null;

    /// <summary>Merges <paramref name="changes"/> if the row is unchanged since read; false when someone else changed it.</summary>
    public virtual async Task<bool> TryUpdateAsync(TableEntity read, TableEntity changes, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.UpdateEntityAsync(changes, read.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Merges <paramref name="changes"/> unconditionally.</summary>
    public virtual Task MergeAsync(TableEntity changes, CancellationToken cancellationToken = default) =>
        _table.UpdateEntityAsync(changes, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Reads a row into a record.</summary>
    public static ReplayRecord FromRow(TableEntity row) => new(
        row.PartitionKey, row.RowKey, row.GetString("Status") ?? ReplayRecord.Pending, row.GetInt64("Total"), row.GetInt64("Processed") ?? 0,
        ReplayTarget.FromStored(row.GetString("Target")), row.GetDateTimeOffset("CreatedAt") ?? default, row.GetDateTimeOffset("CompletedAt"),
        row.GetString("Filter") is { } filter ? JsonSerializer.Deserialize<ReplayFilter>(filter) : null,
        row.ContainsKey("LChunks") ? Encoding.UTF8.GetString(EventEntityMapper.ReadChunks(row, "L")).Split('\n', StringSplitOptions.RemoveEmptyEntries) : null,
        row.GetString("Error"));
}
