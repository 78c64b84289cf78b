using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>An event as a subscriber function receives it from Event Grid, with the tenant it belongs to.</summary>
/// <param name="Tenant">The owning tenant, from the <c>tenantid</c> extension the pipeline stamps on publish.</param>
/// <param name="Event">The canonical event.</param>
/// <param name="Json">The delivered CloudEvent JSON, unchanged.</param>
public sealed record DeliveredEvent(string Tenant, CanonicalEvent Event, byte[] Json)
{
    /// <summary>The <c>replayid</c> extension when this delivery is a replay, else null.</summary>
    public string? ReplayId => Event.StringExtension(CanonicalEvent.ReplayExtension);

    /// <summary>
    /// The key under which a handler records that it applied this delivery: the event's store key, plus the
    /// replay id for a replay, so a replay is applied once on purpose even when the event was seen before.
    /// </summary>
    public string DedupKey => EventKeys.EventKey(Tenant, Event.Source, Event.Id) + (ReplayId is null ? "" : "~r~" + EventKeys.Escape(ReplayId));
}
