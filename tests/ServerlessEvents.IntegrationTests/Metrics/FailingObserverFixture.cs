using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Metrics;

/// <summary>The pipeline with extra ingestion and publish observers that always throw.</summary>
public sealed class FailingObserverFixture : PipelineFixture
{
    /// <inheritdoc />
    /// <summary>Swaps services inside the app, so this fixture runs the custom handler until it has a worker seam.</summary>
    protected override bool RunsOnWorker => false;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IIngestionObserver, ThrowingObserver>();
        builder.Services.AddSingleton<IPublishObserver, ThrowingObserver>();
    }

    private sealed class ThrowingObserver : IIngestionObserver, IPublishObserver
    {
        public Task OnIngestedAsync(string tenant, IReadOnlyList<IngestResult> results, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("observer down");

        public Task OnPublishedAsync(IReadOnlyList<StoredEvent> events, DateTimeOffset publishedAt, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("observer down");
    }
}
