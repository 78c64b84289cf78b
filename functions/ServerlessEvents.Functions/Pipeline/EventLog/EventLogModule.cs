using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>The audit log: its write side, its point reads and its layout options.</summary>
public static class EventLogModule
{
    /// <summary>Adds <see cref="EventStore"/>, <see cref="EventLookup"/> and the validated <see cref="EventLogOptions"/>.</summary>
    public static IServiceCollection AddEventLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EventLogOptions>(configuration);
        services.AddSingleton<EventStore>();
        services.AddSingleton<EventLookup>();
        return services;
    }
}
