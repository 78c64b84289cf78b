using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Quotas;

/// <summary>Per-tenant ingest quotas: the limiter and the administrator's API.</summary>
public static class QuotasModule
{
    /// <summary>Adds <see cref="IngestQuotaOptions"/> (validated at start-up), the override store and the limiter.</summary>
    public static IServiceCollection AddQuotas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IngestQuotaOptions>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantQuotaStore>();
        services.TryAddSingleton<IngestQuota>();
        return services;
    }

    /// <summary>
    /// Maps <c>GET/PUT/DELETE /api/management/tenants/{tenant}/quota</c> (administrator key only; a tenant cannot
    /// change its own quota). PUT takes <c>{eventsPerSecond, burst}</c>; DELETE returns the tenant to the defaults.
    /// </summary>
    public static IEndpointRouteBuilder MapQuotas(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("tenantQuotaGet", async (string tenant, IngestQuota quota, HttpContext context) =>
        {
            EnsureTenantId(tenant);
            quota.Invalidate(tenant);
            return Results.Json(Answer(tenant, await quota.GetQuotaAsync(tenant, context.RequestAborted)));
        }).RequireAdmin();

        endpoints.MapHttpFunction("tenantQuotaPut", async (string tenant, TenantQuotaStore store, IngestQuota quota, HttpContext context) =>
        {
            EnsureTenantId(tenant);
            var (rate, burst) = ParseQuota(await RequestJson.ReadObjectAsync(context.Request, context.RequestAborted));
            await store.PutAsync(tenant, rate, burst, context.RequestAborted);
            quota.Invalidate(tenant);
            return Results.Json(Answer(tenant, await quota.GetQuotaAsync(tenant, context.RequestAborted)));
        }).RequireAdmin();

        endpoints.MapHttpFunction("tenantQuotaDelete", async (string tenant, TenantQuotaStore store, IngestQuota quota, HttpContext context) =>
        {
            EnsureTenantId(tenant);
            await store.DeleteAsync(tenant, context.RequestAborted);
            quota.Invalidate(tenant);
            return Results.NoContent();
        }).RequireAdmin();
        return endpoints;
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

    private static void EnsureTenantId(string tenant)
    {
        if (!TenantIds.IsValid(tenant))
        {
            throw ApiProblemException.BadRequest("Tenant ids are 2-63 characters: lower-case letters, digits and '-'.", new FieldError("tenant", "is not a valid tenant id"));
        }
    }
}
