using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests;

/// <summary>The pipeline with the Event Grid stand-in connected: every published event is delivered to the subscribers.</summary>
public sealed class LiveEventGridFixture : PipelineFixture
{
    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host.ConnectEventGrid(EventGrid);
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
