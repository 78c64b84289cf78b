using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Functions.Consumers;
using ServerlessEvents.Functions.Dashboard;
using ServerlessEvents.Functions.Health;
using ServerlessEvents.Functions.History;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Metrics;
using ServerlessEvents.Functions.Notifications;
using ServerlessEvents.Functions.OpenApi;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Quotas;
using ServerlessEvents.Functions.Realtime;
using ServerlessEvents.Functions.Replay;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Subscribers;
using ServerlessEvents.Functions.Tenancy;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.Functions;

/// <summary>Registers every feature folder's services; each feature owns its Add method, and its [Function] classes.</summary>
public static class FeatureRegistration
{
    /// <summary>Adds the services of every feature.</summary>
    public static IServiceCollection AddServerlessEventsFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEventStorage(configuration);
        services.AddTenancy(configuration);
        services.AddCatalog(configuration);
        services.AddHostedService<CapabilityReport>();
        services.AddQuotas(configuration);
        services.AddIngestion(configuration);
        services.AddHistory(configuration);
        services.AddPublishing(configuration);
        services.AddSubscribers(configuration);
        services.AddHealth(configuration);
        services.AddEmail(configuration);
        services.AddNotifications(configuration);
        services.AddMetrics(configuration);
        services.AddRealtime(configuration);
        services.AddWebhooks(configuration);
        services.AddConsumers(configuration);
        services.AddReplay(configuration);
        services.AddRetention(configuration);
        services.AddDashboard(configuration);
        services.AddOpenApiDocument();
        return services;
    }
}
