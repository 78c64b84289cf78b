namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Told the result of every webhook delivery attempt (fast path, queued retry, manual re-drive), after it was
/// recorded, e.g. to count deliveries by outcome. Register any number as <c>IWebhookDeliveryObserver</c>; a throwing
/// observer is logged and ignored (the attempt is already recorded).
/// </summary>
public interface IWebhookDeliveryObserver
{
    /// <summary>
    /// One attempt ended with <paramref name="result"/>. <paramref name="delivery"/> is the delivery as recorded after it:
    /// <c>Tenant</c>, <c>SubscriptionId</c>, <c>Id</c>, <c>Attempts</c> (this attempt's number) and <c>Status</c>
    /// (<c>failed</c> after a retryable failure means the schedule is exhausted: dead-lettered).
    /// </summary>
    Task OnAttemptAsync(WebhookDelivery delivery, WebhookAttemptResult result, CancellationToken cancellationToken);
}
