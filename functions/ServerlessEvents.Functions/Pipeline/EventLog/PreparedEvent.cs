using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>A validated event ready to store: its canonical form, its exact stored JSON and its keys.</summary>
public sealed record PreparedEvent(string Tenant, CanonicalEvent Event, byte[] Json, string ContentHash, string EventKey, int Shard)
{
    /// <summary>The Events-table partition.</summary>
    public string Partition => EventKeys.Partition(Tenant, Shard);

    /// <summary>The event row's key.</summary>
    public string RowKey => EventKeys.EventRowKey(Event.Id, EventKey);
}
