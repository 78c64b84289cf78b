using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Quotas;

/// <summary>
/// Default per-tenant ingest quota, bound from the <c>IngestQuota</c> section (app settings <c>IngestQuota__{Property}</c>).
/// A token bucket per tenant and per instance: <see cref="EventsPerSecond"/> tokens a second up to <see cref="Burst"/>;
/// each stored-or-refused event of a request costs one. The administrator overrides both per tenant
/// (<c>PUT /api/management/tenants/{tenant}/quota</c>). The defaults keep the worst case of one tenant at its limit on
/// every instance (70 × the Bicep's 40 instances × ~7 entity writes an event ≈ 19,600 ops/s) under a storage
/// account's 20,000 entity operations a second; docs/quotas.md.
/// </summary>
public sealed class IngestQuotaOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "IngestQuota";

    /// <summary>Default <see cref="EventsPerSecond"/>.</summary>
    public const double DefaultEventsPerSecond = 70;

    /// <summary>Default <see cref="Burst"/> (the largest batch, so one full batch always fits an idle bucket).</summary>
    public const int DefaultBurst = 500;

    /// <summary>Whether quotas apply. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained events a second a tenant may ingest on one instance. Default 70.</summary>
    [Range(0.01, 100_000)]
    public double EventsPerSecond { get; set; } = DefaultEventsPerSecond;

    /// <summary>Events a tenant may ingest at once after being idle (bucket size). Default 500.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;

    /// <summary>How long an instance keeps a tenant's override before reading it again. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OverrideCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
