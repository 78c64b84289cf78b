using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>Tenant API keys: creation and revocation by the administrator.</summary>
public static class TenancyModule
{
    /// <summary>Adds the key store and authentication options.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AuthOptions>(configuration);
        services.AddSingleton<TenantKeyStore>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /api/management/tenants/{tenant}/keys</c> and <c>DELETE .../keys/{keyId}</c>. (The Functions host
    /// refuses routes that start with <c>admin</c>, so the administrator's API lives under <c>management</c>.)
    /// </summary>
    public static IEndpointRouteBuilder MapTenancy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("tenantKeysCreate", async (string tenant, TenantKeyStore store, HttpContext context) =>
        {
            EnsureTenantId(tenant);
            var created = await store.CreateKeyAsync(tenant, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Created($"/api/management/tenants/{tenant}/keys/{created.KeyId}",
                new { tenant = created.Tenant, keyId = created.KeyId, key = created.Key, createdAt = created.CreatedAt });
        }).RequireAdmin();

        endpoints.MapHttpFunction("tenantKeysRevoke", async (string tenant, string keyId, TenantKeyStore store, HttpContext context) =>
        {
            EnsureTenantId(tenant);
            return await store.RevokeKeyAsync(tenant, keyId, context.RequestAborted)
                ? Results.NoContent()
                : throw ApiProblemException.NotFound($"Tenant '{tenant}' has no key '{keyId}'.");
        }).RequireAdmin();
        return endpoints;
    }

    private static void EnsureTenantId(string tenant)
    {
        if (!TenantIds.IsValid(tenant))
        {
            throw ApiProblemException.BadRequest("Tenant ids are 2-63 characters: lower-case letters, digits and '-'.", new FieldError("tenant", "is not a valid tenant id"));
        }
    }
}
