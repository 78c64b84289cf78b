using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Service registration and mapping for webhooks.</summary>
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

    /// <summary>
    /// Registers <see cref="WebhookSecretProtectionOptions"/> (validated at start-up: no key-encryption key, no start) and
    /// the <see cref="WebhookKeyRing"/> they select: <see cref="KeyVaultWebhookKeyRing"/> when a vault is configured (read
    /// with the app's managed identity, <c>AZURE_CLIENT_ID</c>), otherwise <see cref="ConfiguredWebhookKeyRing"/>.
    /// </summary>
    public static IServiceCollection AddWebhookSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<WebhookSecretProtectionOptions>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookKeyRing>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WebhookSecretProtectionOptions>>();
            if (options.Value.SecretKeyVaultUri is not { } vault)
            {
                return new ConfiguredWebhookKeyRing(options);
            }
            var clientId = configuration["AZURE_CLIENT_ID"];
            var credential = new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrEmpty(clientId) ? null : clientId,
            });
            return new KeyVaultWebhookKeyRing(new Azure.Security.KeyVault.Secrets.SecretClient(vault, credential), options, sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    /// <summary>
    /// Everything of webhooks: delivery (<see cref="AddWebhookDelivery"/>), the subscription, secret and delivery
    /// stores, the retry queue, the processor, the request parser and the <c>webhooks</c> subscriber.
    /// Every attempt is told to the registered <see cref="IWebhookDeliveryObserver"/>s, among them
    /// <see cref="WebhookMetricsObserver"/> (needs <c>AddMetrics</c>).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookDelivery(configuration);
        services.TryAddSingleton<WebhookSubscriptionStore>();
        services.TryAddSingleton<WebhookSubscriptionService>();
        services.AddWebhookSecretProtection(configuration);
        services.TryAddSingleton<WebhookSecretStore>();
        services.TryAddSingleton<WebhookSecretSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSecretSweep>());
        services.TryAddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<IRetentionParticipant, WebhookDeliveriesRetention>();
        services.TryAddSingleton<WebhookRetryQueue>();
        services.TryAddSingleton<WebhookPayloads>();
        services.TryAddSingleton<WebhookHealthTracker>();
        services.TryAddSingleton<WebhookDeliveryProcessor>();
        services.TryAddSingleton<WebhookRequestParser>();
        services.AddSingleton<IEventSubscriber, WebhookSubscriber>();
        services.AddSingleton<IWebhookDeliveryObserver, WebhookMetricsObserver>();
        return services;
    }
}
