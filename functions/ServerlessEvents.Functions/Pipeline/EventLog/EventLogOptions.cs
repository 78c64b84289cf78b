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
}
