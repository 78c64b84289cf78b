using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Seams;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>
/// The pipeline with webhooks delivered to loopback receivers (development option on), a compressed retry schedule
/// without jitter (1 s, 4 s, 1 s: 4 attempts; the 4 s step gives Retry-After room on the first retry), Event Grid
/// connected live, and a clock the tests can move (the test worker's controlled clock).
/// </summary>
public sealed class WebhookPipelineFixture : PipelineFixture
{
    public const string Schedule = "00:00:01,00:00:04,00:00:01";

    public RemoteClock Clock { get; } = new();

    protected override string WorkerApp => RepositoryPaths.TestWorker;

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Webhooks:AllowLoopbackTargets"] = "true";
        settings["Webhooks:RetrySchedule"] = Schedule;
        settings["Webhooks:JitterFraction"] = "0";
        settings[TestSeams.ControlledClock] = "true";
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Attach(Host.Client);
        Host.ConnectEventGrid(EventGrid);
    }
}
