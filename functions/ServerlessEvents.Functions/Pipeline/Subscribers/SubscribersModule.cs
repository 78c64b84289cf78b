using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Retention;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>The shared machinery of subscriber functions.</summary>
public static class SubscribersModule
{
    /// <summary>Adds the failure recorder and the internal-event ingestor. Subscribers register themselves as <see cref="IEventSubscriber"/>.</summary>
    public static IServiceCollection AddSubscribers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InternalEventIngestor>();
        services.AddSingleton<FailedEventRecorder>();
        services.AddSingleton<IRetentionParticipant, HandlerFailuresRetention>();
        services.AddSingleton<SubscriberInvoker>();
        services.ResolveAtStartup<SubscriberInvoker>();
        return services;
    }
}
