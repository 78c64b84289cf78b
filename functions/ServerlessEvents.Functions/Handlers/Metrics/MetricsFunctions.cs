using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Metrics;

/// <summary><c>GET /api/metrics</c>: Prometheus text. A tenant sees its own series; the administrator sees every tenant's.</summary>
public sealed class MetricsFunctions(MetricsScrapeService scrape)
{
    /// <summary>The scrape.</summary>
    [Function("metricsScrape"), CallerAccess(CallerAccess.TenantOrAdmin)]
    public async Task<IResult> ScrapeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request)
    {
        var context = request.HttpContext;
        var text = await scrape.RenderAsync(context.Caller(), context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(text, PrometheusText.ContentType);
    }
}
