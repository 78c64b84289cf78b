using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Metrics;

/// <summary><c>GET /api/metrics</c>: Prometheus text. A tenant sees its own series; the administrator sees every tenant's.</summary>
public sealed class MetricsFunctions(MetricsCounterReader store, TenantKeyStore tenants)
{
    /// <summary>The scrape.</summary>
    [Function("metricsScrape"), CallerAccess(CallerAccess.TenantOrAdmin)]
    public async Task<IResult> ScrapeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request)
    {
        var context = request.HttpContext;
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
    }
}
