using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>
/// The one API that writes counters. Other features call it (the webhooks feature calls
/// <see cref="RecordWebhookDeliveryAsync"/>); every method throws when storage fails, so callers decide whether
/// a lost count should fail their work.
/// </summary>
public class MetricsRecorder(MetricsCounterStore store)
{
    /// <summary>Counts a delivered event once per <see cref="DeliveredEvent.DedupKey"/>: ingested, or replayed for a replay.</summary>
    public virtual Task RecordDeliveredAsync(DeliveredEvent delivered, CancellationToken cancellationToken = default)
    {
        var family = delivered.ReplayId is null ? MetricFamilies.EventsIngested : MetricFamilies.EventsReplayed;
        return store.AddAsync(delivered.Tenant,
            [new CounterContribution("delivered|" + delivered.DedupKey, [CounterIncrement.One(family.Name, ("type", delivered.Event.Type))])],
            cancellationToken);
    }

    /// <summary>Counts the duplicates and rejections of one ingestion request (no marker: each request is counted once).</summary>
    public virtual Task RecordIngestionAsync(string tenant, IReadOnlyList<IngestResult> results, CancellationToken cancellationToken = default)
    {
        var increments = results.Select(r => r.Status switch
        {
            "duplicate" => CounterIncrement.One(MetricFamilies.Duplicates.Name),
            "conflict" => CounterIncrement.One(MetricFamilies.Rejections.Name, ("reason", "conflict")),
            "rejected" => CounterIncrement.One(MetricFamilies.Rejections.Name, ("reason", RejectionReason(r))),
            _ => null,
        }).OfType<CounterIncrement>().ToArray();
        return increments.Length == 0 ? Task.CompletedTask : store.AddAsync(tenant, [new CounterContribution(null, increments)], cancellationToken);
    }

    /// <summary>Counts one subscriber invocation (redeliveries are invocations too).</summary>
    public virtual Task RecordInvocationAsync(string handler, string? tenant, string outcome, CancellationToken cancellationToken = default) =>
        store.AddAsync(tenant ?? MetricKeys.NoTenant,
            [new CounterContribution(null, [CounterIncrement.One(MetricFamilies.HandlerInvocations.Name, ("handler", handler), ("outcome", outcome))])],
            cancellationToken);

    /// <summary>
    /// Records the publish lag of one publication of events: one contribution per tenant, with no per-event marker,
    /// so a completion of N events costs the two counter rows and not N marker rows. An event published twice (the
    /// at-least-once case: the sweeper repeats a publication whose outcome was not recorded) is two samples.
    /// </summary>
    public virtual async Task RecordPublishedAsync(IReadOnlyList<StoredEvent> events, DateTimeOffset publishedAt, CancellationToken cancellationToken = default)
    {
        foreach (var tenant in events.GroupBy(e => e.Tenant))
        {
            var lags = tenant.DistinctBy(e => e.EventKey).Select(e => Math.Max(0, (publishedAt - e.IngestedAt).TotalSeconds)).ToArray();
            await store.AddAsync(tenant.Key, [new CounterContribution(null,
            [
                new CounterIncrement(MetricFamilies.PublishLag.Name + "_sum", [], lags.Sum()),
                new CounterIncrement(MetricFamilies.PublishLag.Name + "_count", [], lags.Length),
            ])], cancellationToken);
        }
    }

    /// <summary>
    /// Counts one webhook delivery attempt for a tenant. <paramref name="outcome"/> is a short lower-case word such as
    /// <c>delivered</c>, <c>failed</c>, <c>refused</c> or <c>dead_lettered</c> (it becomes a label value).
    /// Pass <paramref name="attemptKey"/> (e.g. delivery id + attempt number) to count a retried recording once.
    /// </summary>
    public virtual Task RecordWebhookDeliveryAsync(string tenant, string outcome, string? attemptKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        return store.AddAsync(tenant,
            [new CounterContribution(attemptKey is null ? null : "webhook|" + attemptKey, [CounterIncrement.One(MetricFamilies.WebhookDeliveries.Name, ("outcome", outcome))])],
            cancellationToken);
    }

    /// <summary>Counts rows the retention sweeper deleted for a tenant (<paramref name="kind"/> e.g. <c>events</c>).</summary>
    public virtual Task RecordRetentionDeletedAsync(string tenant, string kind, int count, CancellationToken cancellationToken = default) =>
        count <= 0 ? Task.CompletedTask : store.AddAsync(tenant,
            [new CounterContribution(null, [new CounterIncrement(MetricFamilies.RetentionDeleted.Name, [KeyValuePair.Create("kind", kind)], count)])],
            cancellationToken);

    private static string RejectionReason(IngestResult result) => result switch
    {
        { UnknownType: true } => "unknown_type",
        { HttpStatus: 413 } => "too_large",
        { HttpStatus: 422 } => "invalid_data",
        { HttpStatus: 400 } => "malformed",
        _ => "status_" + result.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
