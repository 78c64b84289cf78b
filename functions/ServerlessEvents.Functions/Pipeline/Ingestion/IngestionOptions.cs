using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Ingestion settings (section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ingestion";

    // Ingestion__ShardCount (the audit log's layout) is bound by EventLogOptions from this same section.

    /// <summary>The largest accepted event, in bytes of CloudEvents JSON. Default 1,000,000: Event Grid's 1 MB limit, less room for the tenant extension.</summary>
    [Range(1_024, 1_000_000)]
    public int MaxEventBytes { get; set; } = 1_000_000;

    /// <summary>The largest batch request body, in bytes. Default 1,048,576 (1 MiB).</summary>
    [Range(1_024, 4_194_304)]
    public int MaxBatchBytes { get; set; } = 1_048_576;

    /// <summary>Whether ingestion publishes at once after storing (the fast path). Default true; the sweeper publishes the rest.</summary>
    public bool PublishImmediately { get; set; } = true;

    /// <summary>
    /// Whether an accepted request waits for its events to be indexed and published before answering. Default true:
    /// a listing right after the 202 shows the event. False answers right after the commit (the 202 still means
    /// stored), which takes the index and publish round trips off the request; the listing then lags by the
    /// completion queue, and the sweeper still finishes anything left over.
    /// </summary>
    public bool AwaitPublish { get; set; } = true;
}
