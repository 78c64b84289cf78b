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

    /// <summary>Maps the key functions for the custom handler; <see cref="TenancyFunctions"/> holds their code.</summary>
    public static IEndpointRouteBuilder MapTenancy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("tenantKeysCreate", (HttpContext context, string tenant) => context.Function<TenancyFunctions>().CreateKeyAsync(context.Request, tenant)).RequireAdmin();
        endpoints.MapHttpFunction("tenantKeysRevoke", (HttpContext context, string tenant, string keyId) => context.Function<TenancyFunctions>().RevokeKeyAsync(context.Request, tenant, keyId)).RequireAdmin();
        return endpoints;
    }
}
