using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.IntegrationTests.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Quotas;

/// <summary>
/// The pipeline with ingest quotas on: 5 events of burst, refilling at 0.01 a second (one token per 100 s, so real time
/// passing during a test adds nothing measurable), overrides read on every request, and a clock the tests move.
/// </summary>
public sealed class QuotaFixture : PipelineFixture
{
    public const int Burst = 5;

    public TestClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["IngestQuota:Enabled"] = "true";
        settings["IngestQuota:EventsPerSecond"] = "0.01";
        settings["IngestQuota:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["IngestQuota:OverrideCacheDuration"] = "00:00:00";
        return settings;
    }

    /// <summary>Swaps services inside the app, so this fixture runs the custom handler until it has a worker seam.</summary>

    protected override bool RunsOnWorker => false;


    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class QuotaCollection : ICollectionFixture<QuotaFixture>
{
    public const string Name = "Quotas";
}
