using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>
/// The pipeline with webhooks delivered to loopback receivers (development option on), a compressed retry schedule
/// without jitter (1 s, 4 s, 1 s: 4 attempts; the 4 s step gives Retry-After room on the first retry), Event Grid
/// connected live, and a clock the tests can move.
/// </summary>
public sealed class WebhookPipelineFixture : PipelineFixture
{
    public const string Schedule = "00:00:01,00:00:04,00:00:01";

    public TestClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Webhooks:AllowLoopbackTargets"] = "true";
        settings["Webhooks:RetrySchedule"] = Schedule;
        settings["Webhooks:JitterFraction"] = "0";
        return settings;
    }

    /// <summary>Swaps services inside the app, so this fixture runs the custom handler until it has a worker seam.</summary>

    protected override bool RunsOnWorker => false;


    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(Clock);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host.ConnectEventGrid(EventGrid);
    }
}
