using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Topology;

namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>Registers local mode: its options (refused in Azure), the topology, the relay publisher and the capability report.</summary>
public static class LocalDevelopmentModule
{
    /// <summary>
    /// Adds <see cref="LocalDevelopmentOptions"/>, the <see cref="TopologyDocument"/> (from topology.json next to the
    /// executable, unless one is already registered), the <see cref="LocalRelayPublisher"/> typed HTTP client and
    /// <see cref="LocalCapabilityReport"/>. The Event Grid publisher resolves <see cref="LocalRelayPublisher"/> when
    /// <c>LocalDevelopment:Enabled</c> is true.
    /// </summary>
    public static IServiceCollection AddLocalDevelopment(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<LocalDevelopmentOptions>(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalDevelopmentOptions>, LocalDevelopmentOptionsValidator>());
        services.TryAddSingleton(_ => TopologyReader.LoadDefault());
        services.AddHttpClient<LocalRelayPublisher>();
        services.AddHostedService<LocalCapabilityReport>();
        return services;
    }
}
