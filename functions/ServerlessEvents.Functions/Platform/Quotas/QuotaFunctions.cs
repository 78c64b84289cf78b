using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Quotas;

/// <summary>
/// <c>GET/PUT/DELETE /api/management/tenants/{tenant}/quota</c> (administrator key only; a tenant cannot change its own
/// quota). PUT takes <c>{eventsPerSecond, burst}</c>; DELETE returns the tenant to the defaults.
/// </summary>
public sealed class QuotaFunctions(IngestQuota quota, TenantQuotaStore store)
{
    /// <summary>The tenant's quota, as the limiter applies it now.</summary>
    [Function("tenantQuotaGet"), CallerAccess(CallerAccess.Admin)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "management/tenants/{tenant}/quota")] HttpRequest request, string tenant)
    {
        TenantIds.EnsureValid(tenant);
        quota.Invalidate(tenant);
        return Results.Json(Answer(tenant, await quota.GetQuotaAsync(tenant, request.HttpContext.RequestAborted)));
    }

    /// <summary>Sets the tenant's override.</summary>
    [Function("tenantQuotaPut"), CallerAccess(CallerAccess.Admin)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "management/tenants/{tenant}/quota")] HttpRequest request, string tenant)
    {
        TenantIds.EnsureValid(tenant);
        var (rate, burst) = ParseQuota(await RequestJson.ReadObjectAsync(request, request.HttpContext.RequestAborted));
        await store.PutAsync(tenant, rate, burst, request.HttpContext.RequestAborted);
        quota.Invalidate(tenant);
        return Results.Json(Answer(tenant, await quota.GetQuotaAsync(tenant, request.HttpContext.RequestAborted)));
    }

    /// <summary>Removes the tenant's override.</summary>
    [Function("tenantQuotaDelete"), CallerAccess(CallerAccess.Admin)]
    public async Task<IResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "management/tenants/{tenant}/quota")] HttpRequest request, string tenant)
    {
        TenantIds.EnsureValid(tenant);
        await store.DeleteAsync(tenant, request.HttpContext.RequestAborted);
        quota.Invalidate(tenant);
        return Results.NoContent();
    }

    /// <summary>Validates <c>{eventsPerSecond: 0.01..100000, burst: 1..1000000 integer}</c>; 422 naming each bad field.</summary>
    public static (double EventsPerSecond, int Burst) ParseQuota(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<FieldError>();
        errors.AddRange(body.Where(p => p.Key is not ("eventsPerSecond" or "burst")).Select(p => new FieldError(p.Key, "is not a known field")));
        double rate = 0;
        if (body["eventsPerSecond"] is not JsonValue r || r.GetValueKind() != JsonValueKind.Number || !r.TryGetValue(out rate) || rate is < 0.01 or > 100_000)
        {
            errors.Add(new FieldError("eventsPerSecond", "is required: a number from 0.01 to 100000"));
        }
        var burst = 0;
        if (body["burst"] is not JsonValue b || b.GetValueKind() != JsonValueKind.Number || !b.TryGetValue(out burst) || burst is < 1 or > 1_000_000)
        {
            errors.Add(new FieldError("burst", "is required: a whole number from 1 to 1000000"));
        }
        return errors.Count > 0 ? throw ApiProblemException.Unprocessable("The quota is invalid.", errors) : (rate, burst);
    }

    private static JsonObject Answer(string tenant, TenantQuota quota) => new()
    {
        ["tenant"] = tenant,
        ["eventsPerSecond"] = quota.EventsPerSecond,
        ["burst"] = quota.Burst,
        ["source"] = quota.IsOverride ? "override" : "default",
        ["scope"] = "per instance",
    };
}
