using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>The catalog feature: the event-type catalog (<see cref="CatalogFunctions"/> serves it).</summary>
public static class CatalogModule
{
    /// <summary>Registers <see cref="EventTypeCatalog"/> (singleton, built eagerly).</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new EventTypeCatalog());
        return services;
    }
}
