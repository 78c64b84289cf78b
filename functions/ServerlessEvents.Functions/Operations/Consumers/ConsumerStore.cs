using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>The Consumers table: partition = tenant, row = consumer name; the checkpoint only moves forward.</summary>
public class ConsumerStore(TableServiceClient tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Consumers);

    /// <summary>Creates the consumer at <paramref name="startAt"/>, or updates its types (keeping its checkpoint). True when created.</summary>
    public virtual async Task<(ConsumerDefinition Consumer, bool Created)> PutAsync(string tenant, string name, IReadOnlyList<string> types, string startAt, CancellationToken cancellationToken = default)
    {
        var existing = await GetAsync(tenant, name, cancellationToken);
        var consumer = existing is null
            ? new ConsumerDefinition(tenant, name, types, startAt, clock.GetUtcNow())
            : existing with { EventTypes = types };
        var row = new TableEntity(tenant, name) { ["EventTypes"] = JsonSerializer.Serialize(types), ["CreatedAt"] = consumer.CreatedAt };
        if (existing is null)
        {
            row["Checkpoint"] = startAt;
        }
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        return (consumer, existing is null);
    }

    /// <summary>The consumer, or null.</summary>
    public virtual async Task<ConsumerDefinition?> GetAsync(string tenant, string name, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, name, cancellationToken: cancellationToken);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    /// <summary>Moves the checkpoint to <paramref name="position"/>: a repeat is a no-op, a position behind the checkpoint is 409.</summary>
    public virtual async Task<ConsumerDefinition> AdvanceAsync(string tenant, string name, string position, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, name, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                throw ApiProblemException.NotFound($"No consumer named '{name}' in your tenant.");
            }
            var current = FromRow(row.Value!);
            var order = string.CompareOrdinal(position, current.Checkpoint);
            if (order == 0)
            {
                return current;
            }
            if (order < 0)
            {
                throw new ApiProblemException(409, "The cursor is stale.", "The checkpoint is already past this cursor; read the next page again.");
            }
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(tenant, name) { ["Checkpoint"] = position }, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                return current with { Checkpoint = position };
            }
            catch (RequestFailedException failed) when (failed.Status == 412 && attempt < 5)
            {
                // Another ack won the race: compare against its checkpoint.
            }
        }
    }

    private static ConsumerDefinition FromRow(TableEntity row) => new(
        row.PartitionKey, row.RowKey, JsonSerializer.Deserialize<string[]>(row.GetString("EventTypes") ?? "[]") ?? [],
        row.GetString("Checkpoint") ?? FeedKeys.Start, row.GetDateTimeOffset("CreatedAt") ?? default);
}
