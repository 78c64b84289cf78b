using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>
/// The audit log's layout (section <c>Ingestion</c>, where this setting has always lived, so
/// <c>Ingestion__ShardCount</c> keeps its name).
/// </summary>
public sealed class EventLogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ingestion";

    /// <summary>
    /// Partitions per tenant in the Events table. Default 8, which spreads one tenant's writes over 8 partitions
    /// (about 16,000 entities/s). Fixed for the life of a storage account: changing it hides stored events from id lookups.
    /// </summary>
    [Range(1, 64)]
    public int ShardCount { get; set; } = 8;

    /// <summary>
    /// How long a partition's group commit waits before taking its next transaction's events, in milliseconds.
    /// Default 0: group commit still forms, because events that arrive while a partition's transaction is in flight
    /// wait for it and go together in the next one; a linger only adds latency to a lone request. At most 50.
    /// </summary>
    [Range(0, 50)]
    public int GroupCommitLingerMilliseconds { get; set; }
}
