using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.LocalDevelopment;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>The outbox: publishing to Event Grid and the sweeper that publishes what is left.</summary>
public static class PublishingModule
{
    /// <summary>Adds the publisher, the outbox and the sweeper.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EventGridOptions>(configuration);
        services.AddValidatedOptions<OutboxOptions>(configuration);
        services.AddSingleton<EventGridPublisher>();
        // Local mode (off by default, refused in Azure) relays events to `func start`; otherwise Event Grid.
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<IOptions<LocalDevelopmentOptions>>().Value.Enabled
            ? sp.GetRequiredService<LocalRelayPublisher>()
            : sp.GetRequiredService<EventGridPublisher>());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<CompletionBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CompletionBatcher>());
        services.AddSingleton<OutboxSweeper>();
        return services;
    }
}
