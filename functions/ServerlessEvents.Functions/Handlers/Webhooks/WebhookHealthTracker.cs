using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Keeps each subscription's delivery health (counters, last success, failure streak, last error) and disables it
/// when <see cref="WebhookAutoDisablePolicy"/> says so (410 Gone, or failing without a success for
/// <see cref="WebhookOptions.AutoDisableAfter"/>), then ingests <c>webhook.disabled</c> so the tenant can be told.
/// </summary>
public partial class WebhookHealthTracker(
    WebhookSubscriptionStore subscriptions, WebhookAutoDisablePolicy policy, InternalEventIngestor ingestor, ILogger<WebhookHealthTracker> logger)
{
    /// <summary>Records one attempt's result; returns the subscription as stored afterwards (null if it was deleted).</summary>
    public virtual async Task<WebhookSubscription?> RecordAsync(string tenant, string subscriptionId, WebhookAttemptResult result, CancellationToken cancellationToken = default)
    {
        var newlyDisabled = false;
        var updated = await subscriptions.UpdateAsync(tenant, subscriptionId, s =>
        {
            var at = result.AttemptedAt;
            var stats = result.Succeeded
                ? s.Stats with { SuccessCount = s.Stats.SuccessCount + 1, LastSuccessAt = at, FailingSince = null, LastAttemptAt = at }
                : s.Stats with { FailureCount = s.Stats.FailureCount + 1, FailingSince = s.Stats.FailingSince ?? at, LastAttemptAt = at, LastError = result.Error };
            newlyDisabled = s.Enabled && policy.ShouldDisable(result.Outcome, stats.FailingSince, at);
            return newlyDisabled
                ? s with { Stats = stats, Enabled = false, DisabledAt = at, DisabledReason = DisableReason(result, stats) }
                : s with { Stats = stats };
        }, cancellationToken);
        if (updated is not null && newlyDisabled)
        {
            LogDisabled(logger, tenant, subscriptionId, updated.DisabledReason!);
            await ingestor.IngestAsync(tenant, "webhook.disabled", "webhooks", $"whdisabled-{subscriptionId}-{updated.DisabledAt!.Value.UtcTicks}",
                new WebhookDisabled(subscriptionId, updated.Url.OriginalString, updated.DisabledReason!, result.AttemptedAt),
                subject: "webhooks/" + subscriptionId, cancellationToken);
        }
        return updated;
    }

    private static string DisableReason(WebhookAttemptResult result, WebhookSubscriptionStats stats) =>
        result.Outcome == WebhookAttemptOutcome.Gone
            ? "The receiver answered 410 Gone."
            : $"Every delivery failed since {stats.FailingSince:O}; last error: {result.Error}";

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} of tenant {Tenant} disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string tenant, string subscriptionId, string reason);
}
