using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// A tenant's email settings in the <c>TenantSettings</c> table (partition = tenant, row <c>email</c>):
/// <c>AdminEmails</c>, the addresses that receive high and critical <c>ai.anomaly_detected</c> alerts.
/// Tenants manage them with <c>GET/PUT /api/settings/email</c>.
/// </summary>
public class TenantEmailSettingsStore(TableServiceClient tables, TimeProvider clock)
{
    private const string Row = "email";
    private readonly TableClient _table = tables.GetTableClient(TableNames.TenantSettings);

    /// <summary>The tenant's admin addresses (empty when none are set).</summary>
    public virtual async Task<IReadOnlyList<string>> GetAdminEmailsAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, Row, cancellationToken: cancellationToken);
        return row.HasValue ? EmailAddressList.Parse(row.Value!.GetString("AdminEmails")) : [];
    }

    /// <summary>Replaces the tenant's admin addresses (already validated).</summary>
    public virtual async Task PutAdminEmailsAsync(string tenant, IReadOnlyList<string> adminEmails, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(new TableEntity(tenant, Row)
        {
            ["AdminEmails"] = string.Join(',', adminEmails),
            ["UpdatedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Merge, cancellationToken);
}
