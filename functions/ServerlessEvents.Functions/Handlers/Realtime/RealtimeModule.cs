using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>SignalR over its REST API: the <c>signalr</c> broadcast subscriber and <c>POST /api/negotiate</c> (docs/realtime.md).</summary>
public static class RealtimeModule
{
    /// <summary>Adds the options, the SignalR Service connection and the subscriber.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RealtimeOptions>(configuration);
        services.AddSingleton(provider => RealtimeConnection.FromConfiguration(configuration, provider.GetRequiredService<IOptions<RealtimeOptions>>()));
        services.AddSingleton<IEventSubscriber, SignalRSubscriber>();
        // A malformed connection string or service URI stops the worker at start-up rather than at the first event.
        services.ResolveAtStartup<RealtimeConnection>();
        return services;
    }
}
