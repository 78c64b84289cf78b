namespace ServerlessEvents.Functions.EventLog;

/// <summary>An event as read back from the audit log.</summary>
/// <param name="Tenant">The tenant that owns it.</param>
/// <param name="Json">The published form: the canonical CloudEvent plus the <c>tenantid</c> extension.</param>
/// <param name="IngestedAt">When it was stored.</param>
/// <param name="PublishedAt">When Event Grid accepted it; null while it waits in the outbox.</param>
public sealed record StoredEvent(
    string Tenant, string Id, string Source, string Type, string? Subject, string Time, string? UserId, string? CorrelationId,
    string EventKey, int Shard, string ContentHash, byte[] Json, DateTimeOffset IngestedAt, DateTimeOffset? PublishedAt)
{
    /// <summary>The stored form of a just-prepared event.</summary>
    public static StoredEvent From(PreparedEvent prepared, DateTimeOffset ingestedAt) => new(
        prepared.Tenant, prepared.Event.Id, prepared.Event.Source, prepared.Event.Type, prepared.Event.Subject, prepared.Event.Time,
        prepared.Event.UserId, prepared.Event.CorrelationId, prepared.EventKey, prepared.Shard, prepared.ContentHash, prepared.Json, ingestedAt, null) { RowKey = prepared.RowKey };

    /// <summary>The Events-table partition.</summary>
    public string Partition => EventKeys.Partition(Tenant, Shard);

    /// <summary>The event row's key: <c>i|{escaped id}|{key}</c>, or <c>e|{key}</c> for an event stored before 2026-12.</summary>
    public string RowKey { get; init; } = EventKeys.EventRowKey(Id, EventKey);
}
