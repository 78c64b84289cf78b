using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>Pull consumers over the ingestion-order feed.</summary>
public static class ConsumersModule
{
    /// <summary>Adds the feed writer and reader, the consumer store and the consumer use cases.</summary>
    public static IServiceCollection AddConsumers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ConsumerOptions>(configuration);
        services.AddSingleton<ConsumerFeedWriter>();
        services.AddSingleton<ConsumerFeedReader>();
        services.AddSingleton<ConsumerStore>();
        services.AddSingleton<ConsumerService>();
        return services;
    }
}
