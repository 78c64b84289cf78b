using Azure.Storage.Queues;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Puts deliveries on <c>webhook-retries</c>, invisible until their next attempt is due (at most 7 days, the Storage limit).</summary>
public class WebhookRetryQueue(QueueServiceClient queues)
{
    private static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
    private readonly QueueClient _queue = queues.GetQueueClient(QueueNames.WebhookRetries);

    /// <summary>Queues the message to become visible after <paramref name="delay"/>.</summary>
    public virtual async Task EnqueueAsync(WebhookRetryMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;
        // Whole seconds: the REST API takes seconds; round up so a Retry-After is never undercut.
        visibility = TimeSpan.FromSeconds(Math.Ceiling(visibility.TotalSeconds));
        await _queue.SendMessageAsync(message.ToJson(), visibility, TimeSpan.FromSeconds(-1), cancellationToken);
    }
}
