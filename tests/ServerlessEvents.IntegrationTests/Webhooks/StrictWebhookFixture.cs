using System.Net;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Seams;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>
/// The pipeline as in production: loopback targets refused. DNS answers are fixed (a test worker seam): <c>private.example.test</c>
/// resolves to 10.0.0.7 and <c>sneaky.example.test</c> to 127.0.0.1, where a connection trap counts connections.
/// </summary>
public sealed class StrictWebhookFixture : PipelineFixture
{
    public const string PrivateName = "private.example.test", LoopbackName = "sneaky.example.test";

    internal ConnectionTrap Trap { get; } = new(IPAddress.Loopback);

    protected override string WorkerApp => RepositoryPaths.TestWorker;

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings[TestSeams.Dns + ":" + PrivateName] = "10.0.0.7";
        settings[TestSeams.Dns + ":" + LoopbackName] = IPAddress.Loopback.ToString();
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host.ConnectEventGrid(EventGrid);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Trap.Dispose();
    }
}
