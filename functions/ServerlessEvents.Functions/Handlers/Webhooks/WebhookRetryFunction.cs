using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The <c>webhookRetry</c> queue-trigger function: attempts a queued delivery again. A failed HTTP attempt is not a
/// function failure (it is recorded and re-queued or dead-lettered); a storage failure throws, so the host makes the
/// message visible again and finally moves it to <c>webhook-retries-poison</c>.
/// </summary>
public sealed partial class WebhookRetryFunction(
    WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions, WebhookDeliveryProcessor processor, ILogger<WebhookRetryFunction> logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "webhookRetry";

    /// <summary>Attempts the referenced delivery, unless it is stale (delivered, dead-lettered or attempted since).</summary>
    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueNames.WebhookRetries, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken)
    {
        var reference = WebhookRetryMessage.Parse(message);
        if (reference is null)
        {
            LogUnreadable(logger);
            return;
        }
        var delivery = await deliveries.GetAsync(reference.Tenant, reference.SubscriptionId, reference.CreatedTicks, reference.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.Pending || delivery.Attempts > reference.Attempts)
        {
            // Delivered, dead-lettered, or a later attempt happened already: this message is stale.
            LogSkipped(logger, reference.DeliveryId, delivery?.Status ?? "missing");
            return;
        }
        var subscription = await subscriptions.GetAsync(reference.Tenant, reference.SubscriptionId, cancellationToken);
        if (subscription is not { Enabled: true })
        {
            await processor.DeadLetterAsync(delivery, subscription is null ? "The subscription was deleted." : "The subscription is disabled.", cancellationToken);
            return;
        }
        await processor.AttemptAsync(subscription, delivery, timeout: null, cancellationToken);
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Error, Message = "A webhook-retries message is not a delivery reference; dropped")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Debug, Message = "Webhook retry of {DeliveryId} skipped: the delivery is {Status} or was attempted since")]
    private static partial void LogSkipped(ILogger logger, string deliveryId, string status);
}
