using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>Maps <c>metricsScrape</c> for the custom handler; <see cref="MetricsFunctions"/> holds its code.</summary>
public static class MetricsEndpoints
{
    /// <summary>Maps <c>metricsScrape</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsScrape(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("metricsScrape", (HttpContext c) => c.Function<MetricsFunctions>().ScrapeAsync(c.Request)).RequireTenantOrAdmin();
        return endpoints;
    }
}
