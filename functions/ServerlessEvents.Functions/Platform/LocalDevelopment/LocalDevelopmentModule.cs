using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Topology;

namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>Registers local mode: its options (refused in Azure), the topology, the relay publisher and the capability report.</summary>
public static class LocalDevelopmentModule
{
    /// <summary>
    /// Adds <see cref="LocalDevelopmentOptions"/>, the <see cref="TopologyDocument"/> (from topology.json next to the
    /// executable, unless one is already registered), the <see cref="LocalRelayPublisher"/> typed HTTP client and
    /// <see cref="LocalCapabilityReport"/>, and the <see cref="IEventPublisher"/>: the relay when
    /// <c>LocalDevelopment:Enabled</c> is true, else Event Grid. Call it before <c>AddPublishing</c>.
    /// </summary>
    public static IServiceCollection AddLocalDevelopment(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<LocalDevelopmentOptions>(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalDevelopmentOptions>, LocalDevelopmentOptionsValidator>());
        services.TryAddSingleton(_ => TopologyReader.LoadDefault());
        services.AddHttpClient<LocalRelayPublisher>();
        // Local mode (off by default, refused in Azure) relays events to `func start`; otherwise Event Grid.
        services.TryAddSingleton<IEventPublisher>(sp => sp.GetRequiredService<IOptions<LocalDevelopmentOptions>>().Value.Enabled
            ? sp.GetRequiredService<LocalRelayPublisher>()
            : sp.GetRequiredService<EventGridPublisher>());
        services.AddHostedService<LocalCapabilityReport>();
        return services;
    }
}
