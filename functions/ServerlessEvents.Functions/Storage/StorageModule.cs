using ServerlessEvents.Storage;
using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Storage.Queues;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// Registers the table and queue clients. They use the connection the Functions host uses,
/// <c>AzureWebJobsStorage</c>: a connection string locally (Azurite), identity-based settings in Azure.
/// </summary>
public static class StorageModule
{
    /// <summary>The connection name, as in the Functions host.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>Adds <see cref="TableServiceClient"/>, <see cref="QueueServiceClient"/> and table/queue creation at start-up.</summary>
    public static IServiceCollection AddEventStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => StorageConnection.FromConfiguration(configuration, ConnectionName).CreateTableServiceClient());
        services.AddSingleton(_ => StorageConnection.FromConfiguration(configuration, ConnectionName).CreateQueueServiceClient());
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }
}
