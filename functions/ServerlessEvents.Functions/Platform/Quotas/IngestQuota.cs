using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Quotas;

/// <summary>
/// Enforces the per-tenant ingest quota on this instance: one <see cref="TokenBucket"/> per tenant, sized by the
/// tenant's override (<see cref="TenantQuotaStore"/>, cached for <see cref="IngestQuotaOptions.OverrideCacheDuration"/>)
/// or the defaults. A request of <c>n</c> events takes <c>n</c> tokens or none: 429 with <c>Retry-After</c> when the
/// bucket is short, 413 when <c>n</c> exceeds the bucket size (no wait would help). Thread-safe.
/// </summary>
public class IngestQuota(TenantQuotaStore store, IOptions<IngestQuotaOptions> options, TimeProvider clock)
{
    private readonly IngestQuotaOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (TenantQuota Quota, DateTimeOffset ReadAt)> _quotas = new(StringComparer.Ordinal);

    /// <summary>The tenant's effective quota (override or defaults).</summary>
    public virtual async Task<TenantQuota> GetQuotaAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_quotas.TryGetValue(tenant, out var cached) && now - cached.ReadAt < _options.OverrideCacheDuration)
        {
            return cached.Quota;
        }
        var stored = await store.GetAsync(tenant, cancellationToken).ConfigureAwait(false);
        var quota = stored is { } o ? new TenantQuota(o.EventsPerSecond, o.Burst, true) : new TenantQuota(_options.EventsPerSecond, _options.Burst, false);
        _quotas[tenant] = (quota, now);
        return quota;
    }

    /// <summary>Forgets this instance's cached quota of <paramref name="tenant"/> (after the administrator changed it here).</summary>
    public virtual void Invalidate(string tenant) => _quotas.TryRemove(tenant, out _);

    /// <summary>Takes <paramref name="events"/> tokens from the tenant's bucket or throws the problem answer.</summary>
    /// <exception cref="ApiProblemException">429 with <see cref="ApiProblemException.RetryAfter"/>, or 413.</exception>
    public virtual async Task AcquireAsync(string tenant, int events, CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled || events <= 0)
        {
            return;
        }
        var quota = await GetQuotaAsync(tenant, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (events > quota.Burst)
        {
            throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "The batch exceeds the tenant's ingest burst.",
                $"This request carries {events} events; the tenant may send at most {quota.Burst} at once. Split the batch.",
                [new FieldError("events", $"at most {quota.Burst} per request")]);
        }
        var bucket = _buckets.GetOrAdd(tenant, _ => new TokenBucket(quota.EventsPerSecond, quota.Burst, now));
        bucket.Reconfigure(quota.EventsPerSecond, quota.Burst, now);
        if (!bucket.TryTake(events, now, out var wait))
        {
            throw new ApiProblemException(StatusCodes.Status429TooManyRequests, "The tenant's ingest quota is exhausted.",
                $"The tenant may ingest {quota.EventsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)} events a second (bursts of {quota.Burst}); retry after the Retry-After delay.")
            {
                RetryAfter = wait,
            };
        }
    }
}
