using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Ingestion: the reader that validates against the catalog, and the write path of the audit log.</summary>
public static class IngestionModule
{
    /// <summary>
    /// Adds <see cref="IncomingEventReader"/>, <see cref="IEventIdGenerator"/> and the validated
    /// <see cref="EventReaderOptions"/> (an existing id generator wins, so tests can make ids deterministic), the audit
    /// log and the ingestion pipeline.
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventIdGenerator, GuidV7EventIdGenerator>();
        services.AddValidatedOptions<EventReaderOptions>(configuration);
        services.TryAddSingleton<IncomingEventReader>();
        services.AddValidatedOptions<IngestionOptions>(configuration);
        services.AddEventLog(configuration);
        services.AddSingleton<IngestionService>();
        return services;
    }
}
