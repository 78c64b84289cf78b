using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>Counters in Table Storage, the <c>metrics</c> subscriber and <c>GET /api/metrics</c> (docs/metrics.md).</summary>
public static class MetricsModule
{
    /// <summary>Adds the store, the recorder, the subscriber and the hooks into ingestion, publishing and subscribers.</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MetricsOptions>(configuration);
        services.AddSingleton<MetricsCounterStore>();
        services.AddSingleton<MetricsCounterReader>();
        services.AddSingleton<MetricsScrapeService>();
        services.AddSingleton<MetricsRecorder>();
        services.AddSingleton<MetricsObserver>();
        services.AddSingleton<IIngestionObserver>(sp => sp.GetRequiredService<MetricsObserver>());
        services.AddSingleton<ISubscriberObserver>(sp => sp.GetRequiredService<MetricsObserver>());
        services.AddSingleton<IPublishObserver>(sp => sp.GetRequiredService<MetricsObserver>());
        services.AddSingleton<IEventSubscriber, MetricsSubscriber>();
        return services;
    }
}
