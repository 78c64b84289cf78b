namespace ServerlessEvents.Functions.Quotas;

/// <summary>A tenant's ingest quota: sustained events a second and the bucket size.</summary>
/// <param name="EventsPerSecond">Refill rate, events a second.</param>
/// <param name="Burst">Bucket size, events.</param>
/// <param name="IsOverride">Whether an administrator set it (false: the configured default).</param>
public sealed record TenantQuota(double EventsPerSecond, int Burst, bool IsOverride);
