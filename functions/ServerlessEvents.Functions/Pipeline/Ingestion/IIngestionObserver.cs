namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Told the results of every ingestion request (metrics count duplicates and rejections).</summary>
public interface IIngestionObserver
{
    /// <summary>Called once per request with its per-event results; a throw is logged and never fails the request.</summary>
    Task OnIngestedAsync(string tenant, IReadOnlyList<IngestResult> results, CancellationToken cancellationToken);
}
