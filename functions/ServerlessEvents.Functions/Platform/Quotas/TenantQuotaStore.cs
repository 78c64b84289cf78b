using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Quotas;

/// <summary>Per-tenant quota overrides in the <c>TenantSettings</c> table (partition = tenant, row <c>ingest-quota</c>).</summary>
public class TenantQuotaStore(TableServiceClient tables, TimeProvider clock)
{
    private const string Row = "ingest-quota";
    private readonly TableClient _table = tables.GetTableClient(TableNames.TenantSettings);

    /// <summary>The tenant's override, or null when it uses the defaults.</summary>
    public virtual async Task<(double EventsPerSecond, int Burst)?> GetAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetDouble("EventsPerSecond") is { } rate && row.Value.GetInt32("Burst") is { } burst
            ? (rate, burst)
            : null;
    }

    /// <summary>Sets the tenant's override.</summary>
    public virtual async Task PutAsync(string tenant, double eventsPerSecond, int burst, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(new TableEntity(tenant, Row)
        {
            ["EventsPerSecond"] = eventsPerSecond,
            ["Burst"] = burst,
            ["UpdatedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Removes the tenant's override (back to the defaults); false when there was none.</summary>
    public virtual async Task<bool> DeleteAsync(string tenant, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.DeleteEntityAsync(tenant, Row, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
