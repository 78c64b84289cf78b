using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when tables, queues and the Event Grid configuration are fine, else 503, with detail per dependency.</summary>
public static class HealthModule
{
    /// <summary>Registers the dependency checks.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Tables)
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Queues)
            .AddCheck<EventGridHealthCheck>(EventGridHealthCheck.Name);
        return services;
    }
}
