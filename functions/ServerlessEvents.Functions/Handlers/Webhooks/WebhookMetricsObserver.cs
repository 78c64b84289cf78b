using ServerlessEvents.Functions.Metrics;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Counts each attempt in <c>serverlessevents_webhook_deliveries_total</c> by outcome: <c>delivered</c>, <c>failed</c>
/// (will be retried), <c>dead_lettered</c> (schedule exhausted), <c>gone</c> (410) or <c>refused</c> (SSRF policy,
/// no secret, event gone). Keyed by delivery id and attempt number, so a re-recorded attempt counts once.
/// </summary>
public sealed class WebhookMetricsObserver(MetricsRecorder metrics) : IWebhookDeliveryObserver
{
    /// <summary>The label value for an attempt.</summary>
    public static string Outcome(WebhookDelivery delivery, WebhookAttemptResult result) => result.Outcome switch
    {
        WebhookAttemptOutcome.Succeeded => "delivered",
        WebhookAttemptOutcome.Gone => "gone",
        WebhookAttemptOutcome.Refused => "refused",
        _ => delivery.Status == WebhookDeliveryStatus.Failed ? "dead_lettered" : "failed",
    };

    /// <inheritdoc />
    public Task OnAttemptAsync(WebhookDelivery delivery, WebhookAttemptResult result, CancellationToken cancellationToken) =>
        metrics.RecordWebhookDeliveryAsync(delivery.Tenant, Outcome(delivery, result),
            delivery.Id + "|" + delivery.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
}
