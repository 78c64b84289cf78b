using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>The pipeline with loopback webhook targets allowed, so probes can create real webhook subscriptions.</summary>
public sealed class ReliabilityFixture : PipelineFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Webhooks:AllowLoopbackTargets"] = "true";
        return settings;
    }
}
