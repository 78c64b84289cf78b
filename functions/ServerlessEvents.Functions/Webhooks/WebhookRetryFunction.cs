using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The <c>webhookRetry</c> queue-trigger function: attempts a queued delivery again. A failed HTTP attempt is not a
/// function failure (it is recorded and re-queued or dead-lettered); a storage failure throws, so the host makes the
/// message visible again and finally moves it to <c>webhook-retries-poison</c>.
/// </summary>
public static partial class WebhookRetryFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "webhookRetry";

    /// <summary>Maps the function.</summary>
    public static IEndpointRouteBuilder MapWebhookRetry(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapQueueFunction(Name, async (delivery, services, cancellationToken) =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ServerlessEvents.Webhooks.Retry");
            var message = WebhookRetryMessage.Parse(delivery.Text);
            if (message is null)
            {
                LogUnreadable(logger);
                return null;
            }
            await RetryAsync(message, services, logger, cancellationToken);
            return null;
        });
        return endpoints;
    }

    private static async Task RetryAsync(WebhookRetryMessage message, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var deliveries = services.GetRequiredService<WebhookDeliveryStore>();
        var processor = services.GetRequiredService<WebhookDeliveryProcessor>();
        var delivery = await deliveries.GetAsync(message.Tenant, message.SubscriptionId, message.CreatedTicks, message.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.Pending || delivery.Attempts > message.Attempts)
        {
            // Delivered, dead-lettered, or a later attempt happened already: this message is stale.
            LogSkipped(logger, message.DeliveryId, delivery?.Status ?? "missing");
            return;
        }
        var subscription = await services.GetRequiredService<WebhookSubscriptionStore>().GetAsync(message.Tenant, message.SubscriptionId, cancellationToken);
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
