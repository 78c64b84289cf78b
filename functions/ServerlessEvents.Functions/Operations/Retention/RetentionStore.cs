using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Retention;

/// <summary>
/// The Retention table: tenants' periods (<c>settings</c>, tenant) and the sweeper's checkpoints
/// (<c>checkpoint|{tenant}</c>, stream): the last feed row key fully handled.
/// </summary>
public class RetentionStore(TableServiceClient tables)
{
    /// <summary>The checkpoint stream of the event sweep (driven by the ingestion-order feed).</summary>
    public const string FeedStream = "feed";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Retention);

    /// <summary>The tenant's own period in days, or null for the default.</summary>
    public virtual async Task<int?> GetDaysAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>("settings", tenant, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt32("Days") : null;
    }

    /// <summary>Sets the tenant's period.</summary>
    public virtual Task SetDaysAsync(string tenant, int days, CancellationToken cancellationToken = default) =>
        _table.UpsertEntityAsync(new TableEntity("settings", tenant) { ["Days"] = days }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The checkpoint of a stream ("" when none).</summary>
    public virtual async Task<string> GetCheckpointAsync(string tenant, string stream, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>("checkpoint|" + tenant, stream, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Position") ?? "" : "";
    }

    /// <summary>Saves a checkpoint.</summary>
    public virtual Task SaveCheckpointAsync(string tenant, string stream, string position, CancellationToken cancellationToken = default) =>
        _table.UpsertEntityAsync(new TableEntity("checkpoint|" + tenant, stream) { ["Position"] = position, ["SavedAt"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, cancellationToken);
}
