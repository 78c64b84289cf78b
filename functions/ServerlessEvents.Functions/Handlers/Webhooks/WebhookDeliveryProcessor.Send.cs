namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Sending one attempt (with the fast path's shorter limit) and telling the observers.</summary>
public partial class WebhookDeliveryProcessor
{
    private async Task<WebhookAttemptResult> SendAsync(Uri url, WebhookMessage message, IReadOnlyList<WebhookSecret> active, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t)
        {
            limit.CancelAfter(t);
        }
        var started = clock.GetUtcNow();
        try
        {
            return await sender.SendAsync(url, message, active, limit.Token);
        }
        catch (ArgumentException invalid)
        {
            // An event id or type that cannot travel in a header: no attempt can ever succeed.
            return Final("The event cannot be sent: " + invalid.Message, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(WebhookAttemptOutcome.Retry, null, clock.GetUtcNow() - started,
                $"No answer within the fast-path limit of {timeout!.Value.TotalSeconds:0.###} s; retried from the queue.", null, false, null, started);
        }
    }

    private async Task NotifyAsync(WebhookDelivery recorded, WebhookAttemptResult result, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnAttemptAsync(recorded, result, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogObserverFailed(logger, exception, observer.GetType().Name);
            }
        }
    }

    private static WebhookAttemptResult Final(string error, DateTimeOffset at) =>
        new(WebhookAttemptOutcome.Refused, null, TimeSpan.Zero, error, null, false, null, at);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Webhook delivery observer {Observer} failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);
}
