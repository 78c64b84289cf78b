using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using ServerlessEvents.Emulators.SignalR;

namespace ServerlessEvents.IntegrationTests;

/// <summary>
/// The pipeline with the Event Grid stand-in connected (every published event is delivered to the subscribers) and
/// SignalR Service's REST API on loopback (a strict double that checks every token and body).
/// </summary>
public sealed class LiveEventGridFixture : PipelineFixture
{
    /// <summary>SignalR Service.</summary>
    public LocalSignalRService SignalR { get; private set; } = null!;

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["AzureSignalRConnectionString"] = SignalR.ConnectionString;
        return settings;
    }

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        SignalR = await LocalSignalRService.StartAsync();
        await base.InitializeAsync();
        Host.ConnectEventGrid(EventGrid);
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await SignalR.DisposeAsync();
    }

    /// <summary>The CloudEvent the topic received for a tenant's event id (as Event Grid delivered it).</summary>
    public JsonObject Published(string tenant, string id) =>
        EventGrid.Events.Last(e => e["id"]?.GetValue<string>() == id && e["tenantid"]?.GetValue<string>() == tenant);

    /// <summary>A client of the host that sends the administrator key.</summary>
    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }
}
