using System.Net;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Realtime;

/// <summary>The default pipeline has no SignalR connection setting.</summary>
[Collection(PipelineCollection.Name)]
public sealed class UnconfiguredRealtimeTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task Negotiate_without_signalr_configured_gets_503_problem_and_no_token()
    {
        using var tenant = await pipeline.CreateTenantAsync("u");

        using var response = await tenant.Http.PostAsync("/api/negotiate", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Real-time delivery is not configured.", problem["title"]!.GetValue<string>());
        Assert.Null(problem["accessToken"]);
    }

    [Fact]
    public async Task Broadcast_without_signalr_configured_succeeds_and_says_why_nothing_was_sent()
    {
        using var tenant = await pipeline.CreateTenantAsync("u");
        var e = EventSamples.CloudEvent("unconfigured-1");
        e["tenantid"] = tenant.Tenant;

        var outcome = await pipeline.Host.DeliverEventGridAsync("signalr", e);

        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Logs, l => l.Contains("SignalR is not configured", StringComparison.Ordinal));
    }
}
