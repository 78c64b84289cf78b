namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Generates ids as version-7 GUIDs in "N" form (32 lower-case hex digits): random enough to be unique, and
/// time-ordered like a ULID, so generated ids sort roughly by arrival in storage keys.
/// </summary>
public sealed class GuidV7EventIdGenerator(TimeProvider time) : IEventIdGenerator
{
    /// <inheritdoc />
    public string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
