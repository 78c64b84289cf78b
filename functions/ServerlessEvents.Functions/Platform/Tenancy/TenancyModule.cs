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
}
