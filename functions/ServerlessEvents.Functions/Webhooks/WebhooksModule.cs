using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Service registration for webhook delivery.</summary>
public static class WebhooksModule
{
    /// <summary>
    /// Registers <see cref="WebhookOptions"/> (validated at start-up), the signer, the SSRF policy and guard,
    /// the system DNS resolver (replaceable), the retry schedule, the secret rotation and auto-disable rules
    /// and the sender, all singletons.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<WebhookOptions>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookDnsResolver, SystemDnsResolver>();
        services.TryAddSingleton<WebhookSigner>();
        services.TryAddSingleton<WebhookTargetPolicy>();
        services.TryAddSingleton<SsrfGuard>();
        services.TryAddSingleton(sp => new WebhookRetrySchedule(sp.GetRequiredService<IOptions<WebhookOptions>>()));
        services.TryAddSingleton<WebhookSecretRotation>();
        services.TryAddSingleton<WebhookAutoDisablePolicy>();
        services.TryAddSingleton<WebhookSender>();
        return services;
    }
}
