using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The <c>webhooks</c> Event Grid subscriber: finds the tenant's enabled subscriptions the event matches (type
/// patterns and filter; <c>webhook.test</c> only to the subscription it names; a targeted replay only to its
/// target), creates one delivery per (event delivery, subscription) — a redelivered event creates none again — and
/// attempts the new ones at once, in parallel, within <see cref="WebhookOptions.FastPathTimeout"/>. Failed attempts go
/// to the retry queue; only storage failures fail the invocation (so Event Grid retries).
/// </summary>
public sealed class WebhookSubscriber(
    WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, WebhookDeliveryProcessor processor,
    EventTypeCatalog catalog, IOptions<WebhookOptions> options, TimeProvider clock) : IEventSubscriber
{
    /// <summary>The function name.</summary>
    public const string Name = "webhooks";

    /// <inheritdoc />
    public string FunctionName => Name;

    /// <inheritdoc />
    public async Task<SubscriberResult> HandleAsync(DeliveredEvent delivered, CancellationToken cancellationToken)
    {
        if (!delivered.IsFor(Name))
        {
            return SubscriberResult.Skipped("A replay aimed at another handler.");
        }
        var targets = Select(delivered, await subscriptions.ListAsync(delivered.Tenant, cancellationToken));
        if (targets.Count == 0)
        {
            return SubscriberResult.Skipped("No webhook subscription matches.");
        }
        var body = WebhookPayloads.CreateBody(delivered);
        var now = clock.GetUtcNow();
        var due = new List<(WebhookSubscription, WebhookDelivery)>();
        foreach (var subscription in targets)
        {
            var (created, delivery) = await deliveries.CreateAsync(NewDelivery(delivered, subscription, body, now), cancellationToken);
            // An existing delivery still waiting for its first attempt was left by an invocation that failed before
            // attempting it; anything else (delivered, queued for retry, dead-lettered) is not touched again.
            if (created || delivery is { Status: WebhookDeliveryStatus.Pending, Attempts: 0 })
            {
                due.Add((subscription, delivery));
            }
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelDeliveries, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (item, token) =>
            await processor.AttemptAsync(item.Item1, item.Item2, options.Value.FastPathTimeout, token));
        return SubscriberResult.Done;
    }

    private List<WebhookSubscription> Select(DeliveredEvent delivered, IReadOnlyList<WebhookSubscription> all)
    {
        var enabled = all.Where(s => s.Enabled);
        if (delivered.ReplayWebhookSubscription is { } target)
        {
            return enabled.Where(s => s.Id == target).ToList();
        }
        if (delivered.Event.Type == "webhook.test")
        {
            var test = catalog.ReadData<WebhookTest>(delivered.Event);
            return enabled.Where(s => s.Id == test?.WebhookId).ToList();
        }
        using var document = JsonDocument.Parse(delivered.Json);
        var root = document.RootElement;
        return enabled.Where(s => s.Matches(delivered.Event.Type, root)).ToList();
    }

    private WebhookDelivery NewDelivery(DeliveredEvent delivered, WebhookSubscription subscription, byte[] body, DateTimeOffset now) => new()
    {
        Tenant = delivered.Tenant,
        SubscriptionId = subscription.Id,
        Id = WebhookIds.DeliveryId(delivered.DedupKey, subscription.Id),
        CreatedAt = now,
        EventId = delivered.Event.Id,
        EventSource = delivered.Event.Source,
        EventType = delivered.Event.Type,
        ReplayId = delivered.ReplayId,
        Body = body.Length <= options.Value.MaxStoredBodyBytes ? body : null,
        NextAttemptAt = now,
    };
}
