using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Seams;

namespace ServerlessEvents.IntegrationTests.Metrics;

/// <summary>The pipeline with extra ingestion and publish observers that always throw (a test worker seam).</summary>
public sealed class FailingObserverFixture : PipelineFixture
{
    /// <inheritdoc />
    protected override string WorkerApp => RepositoryPaths.TestWorker;

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings[TestSeams.ThrowingObservers] = "true";
        return settings;
    }
}
