using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// The catalog feature: the event-type catalog, the incoming-event reader that validates against it, and the
/// <c>eventTypesList</c> / <c>eventTypesGet</c> functions. Wire with <c>services.AddCatalog(configuration)</c>
/// and <c>app.MapCatalog()</c>.
/// </summary>
public static class CatalogModule
{
    /// <summary>
    /// Registers <see cref="EventTypeCatalog"/> (singleton, built eagerly), <see cref="IncomingEventReader"/>,
    /// <see cref="IEventIdGenerator"/> and the validated <see cref="EventReaderOptions"/>. Existing
    /// registrations of the id generator win, so tests can make ids deterministic.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new EventTypeCatalog());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventIdGenerator, GuidV7EventIdGenerator>();
        services.AddValidatedOptions<EventReaderOptions>(configuration);
        services.TryAddSingleton<IncomingEventReader>();
        return services;
    }
}
