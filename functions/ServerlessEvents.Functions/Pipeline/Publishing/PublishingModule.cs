using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessEvents.Functions.Hosting;

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
        // Event Grid, unless a publisher was registered before (local mode registers its relay).
        services.TryAddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventGridPublisher>());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<CompletionBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CompletionBatcher>());
        services.AddSingleton<OutboxSweeper>();
        return services;
    }
}
