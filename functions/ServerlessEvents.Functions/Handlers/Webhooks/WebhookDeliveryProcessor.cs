namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Makes one attempt of a delivery and records it: signs with the subscription's active secrets, sends, logs the
/// attempt on the delivery, and decides what follows: delivered; retry (queued with the schedule's delay, Retry-After
/// honoured within bounds); or dead-lettered (schedule exhausted, 410 Gone, refused target). Storage failures throw.
/// </summary>
public partial class WebhookDeliveryProcessor(
    WebhookSender sender, WebhookSecretStore secrets, WebhookSecretRotation rotation, WebhookPayloads payloads,
    WebhookDeliveryStore deliveries, WebhookRetryQueue retries, WebhookRetrySchedule schedule, WebhookHealthTracker health,
    IEnumerable<IWebhookDeliveryObserver> observers, TimeProvider clock, ILogger<WebhookDeliveryProcessor> logger)
{
    private readonly IWebhookDeliveryObserver[] _observers = [.. observers];

    /// <summary>Attempts <paramref name="delivery"/> to <paramref name="subscription"/>; <paramref name="timeout"/> shortens the attempt (fast path).</summary>
    public virtual async Task<WebhookDelivery> AttemptAsync(WebhookSubscription subscription, WebhookDelivery delivery, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<WebhookSecret> active;
        var unreadable = false;
        try
        {
            active = rotation.SelectActive(await secrets.GetKeysAsync(subscription.Tenant, subscription.Id, cancellationToken), now);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            // Fail closed: nothing is sent unsigned or signed with a guessed key.
            LogSecretUnreadable(logger, exception, subscription.Id);
            (active, unreadable) = ([], true);
        }
        var body = await payloads.GetBodyAsync(delivery, cancellationToken);
        var result = unreadable ? Final("The subscription's signing secret could not be decrypted (altered at rest, or its key id is no longer configured).", now)
            : active.Count == 0 ? Final("The subscription has no signing secret.", now)
            : body is null ? Final("The event no longer exists in the store.", now)
            : await SendAsync(subscription.Url, new WebhookMessage(delivery.Id, delivery.EventId, delivery.EventType, body), active, timeout, cancellationToken);
        var recorded = await RecordAsync(delivery, result, cancellationToken);
        await health.RecordAsync(subscription.Tenant, subscription.Id, result, cancellationToken);
        await NotifyAsync(recorded, result, cancellationToken);
        return recorded;
    }

    /// <summary>Dead-letters a delivery without an attempt (e.g. its subscription is disabled).</summary>
    public virtual async Task<WebhookDelivery> DeadLetterAsync(WebhookDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        var failed = delivery with { Status = WebhookDeliveryStatus.Failed, FailedAt = clock.GetUtcNow(), NextAttemptAt = null, LastError = reason };
        await deliveries.SaveAsync(failed, cancellationToken);
        return failed;
    }

    /// <summary>
    /// Re-drives a delivery as a fresh round of the schedule (its attempt count and log continue): pending, queued
    /// for an attempt now. Returns false when someone changed it meanwhile.
    /// </summary>
    public virtual async Task<bool> RedriveAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = delivery with { Status = WebhookDeliveryStatus.Pending, RoundStart = delivery.Attempts, NextAttemptAt = now, FailedAt = null };
        if (!await deliveries.SaveAsync(pending, cancellationToken))
        {
            return false;
        }
        await retries.EnqueueAsync(WebhookRetryMessage.For(delivery, delivery.Attempts), TimeSpan.Zero, cancellationToken);
        return true;
    }

    /// <summary>Re-drives every failed delivery of one subscription that failed at or after <paramref name="since"/>; returns how many were re-driven.</summary>
    public virtual async Task<int> RedriveFailedAsync(string tenant, string subscriptionId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var failed = await deliveries.ListAsync(tenant, subscriptionId, WebhookDeliveryStatus.Failed, since, null, int.MaxValue, cancellationToken);
        var redriven = 0;
        foreach (var delivery in failed)
        {
            redriven += await RedriveAsync(delivery, cancellationToken) ? 1 : 0;
        }
        return redriven;
    }

    private async Task<WebhookDelivery> RecordAsync(WebhookDelivery delivery, WebhookAttemptResult result, CancellationToken cancellationToken)
    {
        var number = delivery.Attempts + 1;
        var now = clock.GetUtcNow();
        var next = delivery with { Attempts = number, Log = [.. delivery.Log, WebhookAttemptRecord.From(number, result)], LastError = result.Error };
        switch (result.Outcome)
        {
            case WebhookAttemptOutcome.Succeeded:
                next = next with { Status = WebhookDeliveryStatus.Delivered, DeliveredAt = result.AttemptedAt, NextAttemptAt = null };
                break;
            case WebhookAttemptOutcome.Retry when schedule.GetNextDelay(number - delivery.RoundStart, result.RetryAfter) is { } delay:
                // Queue first: if recording then fails, the queued attempt still happens (at least once).
                await retries.EnqueueAsync(WebhookRetryMessage.For(delivery, number), delay, cancellationToken);
                next = next with { Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now + delay };
                break;
            default:
                var reason = result.Outcome == WebhookAttemptOutcome.Retry ? $"Gave up after {number - delivery.RoundStart} attempts: {result.Error}" : result.Error;
                next = next with { Status = WebhookDeliveryStatus.Failed, FailedAt = now, NextAttemptAt = null, LastError = reason };
                LogDeadLettered(logger, delivery.Id, delivery.SubscriptionId, result.Outcome);
                break;
        }
        if (!await deliveries.SaveAsync(next, cancellationToken))
        {
            LogRecordConflict(logger, delivery.Id);
        }
        return next;
    }

    [LoggerMessage(EventId = 4119, Level = LogLevel.Error, Message = "The signing secret of webhook {SubscriptionId} could not be decrypted; the delivery is failed without sending")]
    private static partial void LogSecretUnreadable(ILogger logger, Exception exception, string subscriptionId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {SubscriptionId} dead-lettered after outcome {Outcome}")]
    private static partial void LogDeadLettered(ILogger logger, string deliveryId, string subscriptionId, WebhookAttemptOutcome outcome);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} changed while an attempt was in flight; the attempt was not recorded")]
    private static partial void LogRecordConflict(ILogger logger, string deliveryId);
}
