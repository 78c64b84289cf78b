namespace ServerlessEvents.Functions.History;

/// <summary>History: the read path of the audit log (the index written beside each event, queries and stats).</summary>
public static class HistoryModule
{
    /// <summary>Adds the index writer and the query and stats services.</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EventIndexWriter>();
        services.AddSingleton<EventQueryService>();
        services.AddSingleton<EventStatsService>();
        return services;
    }
}
