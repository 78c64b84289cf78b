using System.Net;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>
/// The worker with telemetry configured as in Azure (a connection string and an identity), exporting to a loopback
/// address where nothing listens: it must start, serve and keep its functions working. A package pair that does not
/// fit (the reference notes list one that crashes at start-up) fails here, not in a deployment.
/// </summary>
public sealed class TelemetryFixture : PipelineFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD";
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Telemetry";
}

[Collection(TelemetryCollection.Name)]
public sealed class WorkerTelemetryTests(TelemetryFixture pipeline)
{
    [Fact]
    public async Task With_the_azure_monitor_exporter_configured_the_worker_starts_and_ingests()
    {
        var tenant = await pipeline.CreateTenantAsync("otel");

        using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("otel-1"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(((WorkerHost)pipeline.Host).Host.IsWorkerRunning);
    }
}
