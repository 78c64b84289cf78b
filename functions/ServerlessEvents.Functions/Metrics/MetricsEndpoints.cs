using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Metrics;

/// <summary><c>GET /api/metrics</c>: Prometheus text. A tenant sees its own series; the administrator sees every tenant's.</summary>
public static class MetricsEndpoints
{
    /// <summary>Maps <c>metricsScrape</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsScrape(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("metricsScrape", async (HttpContext context, MetricsCounterReader store, TenantKeyStore tenants) =>
        {
            var caller = context.Caller();
            var series = new List<CounterSeries>();
            if (caller.IsAdmin)
            {
                var all = new List<string> { MetricKeys.NoTenant };
                await foreach (var tenant in tenants.ListTenantsAsync(context.RequestAborted))
                {
                    all.Add(tenant);
                }
                foreach (var chunk in all.Chunk(8))
                {
                    var read = await Task.WhenAll(chunk.Select(t => store.ReadAsync(t, context.RequestAborted)));
                    series.AddRange(read.SelectMany(r => r));
                }
            }
            else
            {
                series.AddRange(await store.ReadAsync(caller.Tenant, context.RequestAborted));
            }
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(PrometheusText.Write(series), PrometheusText.ContentType);
        }).RequireTenantOrAdmin();
        return endpoints;
    }
}
