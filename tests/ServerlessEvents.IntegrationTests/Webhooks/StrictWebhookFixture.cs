using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>
/// The pipeline as in production: loopback targets refused. DNS answers are fixed: <c>private.example.test</c>
/// resolves to 10.0.0.7 and <c>sneaky.example.test</c> to 127.0.0.1, where a connection trap counts connections.
/// </summary>
public sealed class StrictWebhookFixture : PipelineFixture
{
    public const string PrivateName = "private.example.test", LoopbackName = "sneaky.example.test";

    internal ConnectionTrap Trap { get; } = new(IPAddress.Loopback);

    /// <summary>Swaps services inside the app, so this fixture runs the custom handler until it has a worker seam.</summary>

    protected override bool RunsOnWorker => false;


    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IWebhookDnsResolver>(new StaticDnsResolver(new Dictionary<string, IPAddress[]>
        {
            [PrivateName] = [IPAddress.Parse("10.0.0.7")],
            [LoopbackName] = [IPAddress.Loopback],
        }));

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
