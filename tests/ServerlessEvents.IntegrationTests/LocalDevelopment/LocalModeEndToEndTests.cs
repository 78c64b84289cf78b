using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.LocalDevelopment;

/// <summary>
/// Local mode end to end: events ingested through the host double are relayed, as under <c>func start</c>, to a
/// loopback stand-in of the runtime's Event Grid webhook, one POST per subscribed function.
/// </summary>
public sealed class LocalModeEndToEndTests(LocalModeEndToEndTests.Fixture fixture) : IClassFixture<LocalModeEndToEndTests.Fixture>
{
    /// <summary>One request the stand-in received.</summary>
    public sealed record Received(string FunctionName, string? EventType, string? ContentType, JsonObject Body);

    /// <summary>The pipeline in local mode, relaying to a recording stand-in of <c>/runtime/webhooks/EventGrid</c>.</summary>
    public sealed class Fixture : PipelineFixture
    {
        private WebApplication? _standIn;

        public ConcurrentQueue<Received> Requests { get; } = new();

        private string StandInUrl { get; set; } = "";

        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["LocalDevelopment:Enabled"] = "true";
            settings["LocalDevelopment:FunctionsHostUrl"] = StandInUrl;
            return settings;
        }

        public override async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _standIn = builder.Build();
            _standIn.MapPost("/runtime/webhooks/EventGrid", async (HttpContext context) =>
            {
                var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
                Requests.Enqueue(new Received(context.Request.Query["functionName"].ToString(), context.Request.Headers["aeg-event-type"].ToString(), context.Request.ContentType, body));
                return Results.StatusCode(202);
            });
            await _standIn.StartAsync();
            StandInUrl = _standIn.Urls.Single();
            await base.InitializeAsync();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (_standIn is not null)
            {
                await _standIn.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Ingested_events_reach_the_runtime_webhook_of_each_subscribed_function_per_the_topology_filters()
    {
        using var tenant = await fixture.CreateTenantAsync("local");
        using (var order = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("local-order")))
        {
            Assert.Equal(HttpStatusCode.Accepted, order.StatusCode);
        }
        using (var login = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("local-login", "user.login",
            new JsonObject { ["userId"] = "u-1", ["method"] = "password" })))
        {
            Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        }

        var requests = fixture.Requests.Where(r => r.Body["tenantid"]?.GetValue<string>() == tenant.Tenant).ToArray();
        Assert.All(requests, r => Assert.Equal("Notification", r.EventType));
        Assert.All(requests, r => Assert.StartsWith("application/cloudevents+json", r.ContentType, StringComparison.Ordinal));
        string[] FunctionsFor(string id) => requests.Where(r => r.Body["id"]!.GetValue<string>() == id).Select(r => r.FunctionName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["email", "metrics", "notifications", "signalr", "webhooks"], FunctionsFor("local-order"));
        Assert.Equal(["metrics", "notifications", "signalr", "webhooks"], FunctionsFor("local-login"));
        Assert.DoesNotContain(fixture.EventGrid.Events, e => e["tenantid"]?.GetValue<string>() == tenant.Tenant);
    }
}
