using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>An event as a subscriber function receives it from Event Grid, with the tenant it belongs to.</summary>
/// <param name="Tenant">The owning tenant, from the <c>tenantid</c> extension the pipeline stamps on publish.</param>
/// <param name="Event">The canonical event.</param>
/// <param name="Json">The delivered CloudEvent JSON, unchanged.</param>
public sealed record DeliveredEvent(string Tenant, CanonicalEvent Event, byte[] Json)
{
    /// <summary>The <c>replayid</c> extension when this delivery is a replay, else null.</summary>
    public string? ReplayId => Event.StringExtension(CanonicalEvent.ReplayExtension);

    /// <summary>The <c>replaytarget</c> extension of a targeted replay (<c>handler:{function}</c> or <c>webhook:{id}</c>), else null.</summary>
    public string? ReplayTarget => Event.StringExtension(CanonicalEvent.ReplayTargetExtension);

    /// <summary>The webhook subscription a replay is restricted to, or null.</summary>
    public string? ReplayWebhookSubscription =>
        ReplayTarget is { } target && target.StartsWith("webhook:", StringComparison.Ordinal) ? target["webhook:".Length..] : null;

    /// <summary>
    /// Whether the handler <paramref name="function"/> should act on this delivery: everything except a replay
    /// aimed at another handler (a webhook-targeted replay is for the <c>webhooks</c> function only).
    /// </summary>
    public bool IsFor(string function) => ReplayTarget switch
    {
        null => true,
        var t when t.StartsWith("handler:", StringComparison.Ordinal) => t["handler:".Length..] == function,
        var t when t.StartsWith("webhook:", StringComparison.Ordinal) => function == "webhooks",
        _ => false,
    };

    /// <summary>
    /// The key under which a handler records that it applied this delivery: the event's store key, plus the
    /// replay id for a replay, so a replay is applied once on purpose even when the event was seen before.
    /// </summary>
    public string DedupKey => EventKeys.EventKey(Tenant, Event.Source, Event.Id) + (ReplayId is null ? "" : "~r~" + EventKeys.Escape(ReplayId));
}
