namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Told the result of every webhook delivery attempt (fast path, queued retry, manual retry), e.g. to count deliveries
/// by outcome for metrics. Register any number as <c>IWebhookDeliveryObserver</c>; a throwing observer is logged and ignored.
/// </summary>
public interface IWebhookDeliveryObserver
{
    /// <summary>One attempt to <paramref name="subscriptionId"/> of <paramref name="tenant"/> ended with <paramref name="result"/>.</summary>
    Task OnAttemptAsync(string tenant, string subscriptionId, WebhookAttemptResult result, CancellationToken cancellationToken);
}
