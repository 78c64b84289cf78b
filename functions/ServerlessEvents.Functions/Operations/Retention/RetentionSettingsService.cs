using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Retention;

/// <summary>A tenant's retention period: its own number of days, or the default (<see cref="RetentionOptions.DefaultDays"/>).</summary>
public sealed class RetentionSettingsService(RetentionStore store, IOptions<RetentionOptions> options)
{
    /// <summary>The tenant's period as the API shows it: <c>{"days": n, "isDefault": bool}</c>.</summary>
    public async Task<JsonObject> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        var own = await store.GetDaysAsync(tenant, cancellationToken);
        return new JsonObject { ["days"] = own ?? options.Value.DefaultDays, ["isDefault"] = own is null };
    }

    /// <summary>Sets the tenant's period from a <c>{"days": 1..3650}</c> body and returns it as <see cref="GetAsync"/> does.</summary>
    public async Task<JsonObject> SetAsync(string tenant, JsonObject body, CancellationToken cancellationToken)
    {
        var days = body["days"] is JsonValue value && value.TryGetValue<int>(out var d) && d is >= 1 and <= RetentionModule.MaxDays ? d
            : throw ApiProblemException.BadRequest($"days must be a whole number from 1 to {RetentionModule.MaxDays}.", new FieldError("days", $"must be 1..{RetentionModule.MaxDays}"));
        await store.SetDaysAsync(tenant, days, cancellationToken);
        return await GetAsync(tenant, cancellationToken);
    }
}
