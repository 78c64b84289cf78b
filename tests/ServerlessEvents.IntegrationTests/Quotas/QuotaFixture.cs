using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Seams;

namespace ServerlessEvents.IntegrationTests.Quotas;

/// <summary>
/// The pipeline with ingest quotas on: 5 events of burst, refilling at 0.01 a second (one token per 100 s, so real time
/// passing during a test adds nothing measurable), overrides read on every request, and a clock the tests move
/// (the test worker's controlled clock).
/// </summary>
public sealed class QuotaFixture : PipelineFixture
{
    public const int Burst = 5;

    public RemoteClock Clock { get; } = new();

    protected override string WorkerApp => RepositoryPaths.TestWorker;

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["IngestQuota:Enabled"] = "true";
        settings["IngestQuota:EventsPerSecond"] = "0.01";
        settings["IngestQuota:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["IngestQuota:OverrideCacheDuration"] = "00:00:00";
        settings[TestSeams.ControlledClock] = "true";
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Attach(Host.Client);
    }
}

[CollectionDefinition(Name)]
public sealed class QuotaCollection : ICollectionFixture<QuotaFixture>
{
    public const string Name = "Quotas";
}
