using Azure.Data.Tables;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// Preferences in the <c>NotificationPreferences</c> table: partition = tenant, row = escaped user id,
/// property <c>Preferences</c> = the explicit choices as JSON. No row = everything allowed.
/// </summary>
public class UserPreferencesStore(TableServiceClient tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.NotificationPreferences);

    /// <summary>The user's preferences (allow-all when none are stored).</summary>
    public virtual async Task<UserPreferences> GetAsync(string tenant, string userId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(tenant, EventKeys.Escape(userId), cancellationToken: cancellationToken);
        return row.HasValue ? UserPreferences.Deserialize(row.Value!.GetString("Preferences")) : UserPreferences.AllowAll;
    }

    /// <summary>Replaces the user's preferences.</summary>
    public virtual async Task PutAsync(string tenant, string userId, UserPreferences preferences, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(new TableEntity(tenant, EventKeys.Escape(userId))
        {
            ["UserId"] = userId,
            ["Preferences"] = preferences.Serialize(),
            ["UpdatedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>True unless the user refused the channel for the type.</summary>
    public virtual async Task<bool> AllowsAsync(string tenant, string userId, string type, string channel, CancellationToken cancellationToken = default) =>
        (await GetAsync(tenant, userId, cancellationToken)).Allows(type, channel);
}
