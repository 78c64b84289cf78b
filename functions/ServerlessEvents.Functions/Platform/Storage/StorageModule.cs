using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// Registers the table and queue clients (Azure.Data.Tables, Azure.Storage.Queues), built once by
/// <see cref="StorageClientFactory"/> from the connection the Functions host uses, <c>AzureWebJobsStorage</c>:
/// a connection string locally (Azurite), identity-based settings in Azure.
/// </summary>
public static class StorageModule
{
    /// <summary>The connection name, as in the Functions host.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>Adds <see cref="TableServiceClient"/>, <see cref="QueueServiceClient"/> and table/queue creation at start-up.</summary>
    public static IServiceCollection AddEventStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(configuration);
        services.AddSingleton(sp => new StorageClientFactory(
            StorageConnectionSettings.Read(configuration, ConnectionName), sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateTableServiceClient());
        services.AddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateQueueServiceClient());
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }
}
