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
}
