using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>Pull consumers over the ingestion-order feed.</summary>
public static class ConsumersModule
{
    /// <summary>Adds the feed writer and reader and the consumer store.</summary>
    public static IServiceCollection AddConsumers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ConsumerOptions>(configuration);
        services.AddSingleton<ConsumerFeedWriter>();
        services.AddSingleton<ConsumerFeedReader>();
        services.AddSingleton<ConsumerStore>();
        return services;
    }
}
