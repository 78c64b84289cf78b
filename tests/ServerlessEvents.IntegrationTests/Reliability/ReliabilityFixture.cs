using ServerlessEvents.Testing;
using ServerlessEvents.Emulators.SignalR;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>
/// The pipeline with loopback webhook targets allowed, so probes can create real webhook subscriptions, and a
/// SignalR Service double, so negotiate answers like every other endpoint instead of 503.
/// </summary>
public sealed class ReliabilityFixture : PipelineFixture
{
    /// <summary>SignalR Service.</summary>
    public LocalSignalRService SignalR { get; private set; } = null!;

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Webhooks:AllowLoopbackTargets"] = "true";
        settings["AzureSignalRConnectionString"] = SignalR.ConnectionString;
        return settings;
    }

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        SignalR = await LocalSignalRService.StartAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await SignalR.DisposeAsync();
    }
}
