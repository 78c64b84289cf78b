using ServerlessEvents.Functions.History;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Ingestion and history: the write path and the read path of the audit log.</summary>
public static class IngestionModule
{
    /// <summary>Adds the store, the index, the query services and the ingestion pipeline.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IngestionOptions>(configuration);
        services.AddSingleton<EventStore>();
        services.AddSingleton<EventLookup>();
        services.AddSingleton<EventIndexWriter>();
        services.AddSingleton<EventQueryService>();
        services.AddSingleton<EventStatsService>();
        services.AddSingleton<IngestionService>();
        return services;
    }
}
