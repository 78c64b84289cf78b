using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Publishing;

namespace ServerlessEvents.Testing.Seams;

/// <summary>An ingestion and publish observer that always throws: observers must never fail a request or a publish.</summary>
public sealed class ThrowingObserver : IIngestionObserver, IPublishObserver
{
    /// <inheritdoc />
    public Task OnIngestedAsync(string tenant, IReadOnlyList<IngestResult> results, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("observer down");

    /// <inheritdoc />
    public Task OnPublishedAsync(IReadOnlyList<StoredEvent> events, DateTimeOffset publishedAt, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("observer down");
}
