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
        return services;
    }

    /// <summary>
    /// Maps negotiate (the subscriber is mapped by <c>MapSubscribers</c>). Builds the connection now, so a malformed
    /// connection string or service URI stops the app at start-up rather than at the first event.
    /// </summary>
    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<RealtimeConnection>();
        return endpoints.MapNegotiate();
    }
}
