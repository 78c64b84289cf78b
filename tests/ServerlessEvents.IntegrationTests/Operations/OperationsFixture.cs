using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

/// <summary>The pipeline with a short consumer safety lag (2 s), so consumer tests reach the end of the feed quickly,
/// small retention batches, a probe that sees retention's deletions, and webhooks allowed to loopback receivers.
/// Event Grid is not connected to the subscribers unless a test connects it (<see cref="SubscribersConnected"/>).</summary>
public sealed class OperationsFixture : PipelineFixture
{
    /// <summary>The safety lag the handler runs with, in seconds.</summary>
    public const int SafetyLagSeconds = 2;

    /// <summary>Connects Event Grid to the subscribers until the returned scope is disposed.</summary>
    public IDisposable SubscribersConnected()
    {
        Host.ConnectEventGrid(EventGrid);
        return new Disconnect(EventGrid);
    }

    private sealed class Disconnect(EventGridSink sink) : IDisposable
    {
        public void Dispose() => sink.Forward = null;
    }

    /// <summary>Sees what retention deletes.</summary>
    public RetentionProbe Retention { get; } = new();

    /// <summary>The probe observes the retention sweeps tests run through <see cref="WorkerHost.Services"/>.</summary>
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IRetentionObserver>(Retention);

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Consumers:SafetyLagSeconds"] = SafetyLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Retention:BatchSize"] = "25";
        settings["Webhooks:AllowLoopbackTargets"] = "true";
        return settings;
    }
}
