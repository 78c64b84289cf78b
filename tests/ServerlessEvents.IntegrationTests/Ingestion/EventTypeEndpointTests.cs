using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Ingestion;

[Collection(PipelineCollection.Name)]
public sealed class EventTypeEndpointTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task The_catalog_and_each_schema_are_served_through_the_host()
    {
        var list = (await pipeline.Host.Client.GetFromJsonAsync<JsonArray>("/api/event-types"))!;
        using var schemaResponse = await pipeline.Host.Client.GetAsync("/api/event-types/order.created");
        using var unknown = await pipeline.Host.Client.GetAsync("/api/event-types/order.teleported");

        Assert.Contains(list, t => t!["type"]!.GetValue<string>() == "budget.threshold_exceeded");
        Assert.Equal(HttpStatusCode.OK, schemaResponse.StatusCode);
        var schema = JsonNode.Parse(await schemaResponse.Content.ReadAsStringAsync())!;
        Assert.Contains(schema["required"]!.AsArray(), r => r!.GetValue<string>() == "orderId");
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }
}
