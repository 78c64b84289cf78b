using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>The Prometheus scrape: a tenant sees its own series; the administrator sees every tenant's and the tenant-less ones.</summary>
public sealed class MetricsScrapeService(MetricsCounterReader store, TenantKeyStore tenants)
{
    private const int TenantsReadTogether = 8;

    /// <summary>The series the caller may see, as Prometheus text (<see cref="PrometheusText.ContentType"/>).</summary>
    public async Task<string> RenderAsync(TenantContext caller, CancellationToken cancellationToken)
    {
        var series = new List<CounterSeries>();
        if (caller.IsAdmin)
        {
            var all = new List<string> { MetricKeys.NoTenant };
            await foreach (var tenant in tenants.ListTenantsAsync(cancellationToken))
            {
                all.Add(tenant);
            }
            foreach (var chunk in all.Chunk(TenantsReadTogether))
            {
                var read = await Task.WhenAll(chunk.Select(t => store.ReadAsync(t, cancellationToken)));
                series.AddRange(read.SelectMany(r => r));
            }
        }
        else
        {
            series.AddRange(await store.ReadAsync(caller.Tenant, cancellationToken));
        }
        return PrometheusText.Write(series);
    }
}
