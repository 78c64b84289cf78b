using Microsoft.Azure.Functions.Worker;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// One eventGridTrigger function per handler. Event Grid delivers each CloudEvent to each subscribed handler on its
/// own (the subscriptions in <c>infra/topology.json</c> decide which); a thrown exception fails the delivery, so
/// Event Grid retries it on its schedule and finally dead-letters it.
/// </summary>
public sealed class SubscriberFunctions(SubscriberInvoker invoker)
{
    /// <summary>Email for the event types the email handler covers.</summary>
    [Function("email")]
    public Task EmailAsync([EventGridTrigger] string cloudEvent, CancellationToken cancellationToken) =>
        invoker.InvokeAsync("email", cloudEvent, cancellationToken);

    /// <summary>Per-tenant counters for the metrics endpoint.</summary>
    [Function("metrics")]
    public Task MetricsAsync([EventGridTrigger] string cloudEvent, CancellationToken cancellationToken) =>
        invoker.InvokeAsync("metrics", cloudEvent, cancellationToken);

    /// <summary>Signed deliveries to the tenant's webhook subscriptions.</summary>
    [Function("webhooks")]
    public Task WebhooksAsync([EventGridTrigger] string cloudEvent, CancellationToken cancellationToken) =>
        invoker.InvokeAsync("webhooks", cloudEvent, cancellationToken);

    /// <summary>The live feed of the tenant's dashboards, through SignalR Service.</summary>
    [Function("signalr")]
    public Task SignalRAsync([EventGridTrigger] string cloudEvent, CancellationToken cancellationToken) =>
        invoker.InvokeAsync("signalr", cloudEvent, cancellationToken);

    /// <summary>In-app notifications, by user preference.</summary>
    [Function("notifications")]
    public Task NotificationsAsync([EventGridTrigger] string cloudEvent, CancellationToken cancellationToken) =>
        invoker.InvokeAsync("notifications", cloudEvent, cancellationToken);
}
