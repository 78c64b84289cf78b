using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.UnitTests.LocalDevelopment;

/// <summary>A loopback Kestrel stand-in for the Functions host's Event Grid webhook endpoint; records every request.</summary>
internal sealed class RuntimeWebhookStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RuntimeWebhookStandIn(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>Status to answer per function name; others get 202 Accepted like the real extension.</summary>
    public ConcurrentDictionary<string, int> StatusByFunction { get; } = new(StringComparer.Ordinal);

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<RuntimeWebhookStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new RuntimeWebhookStandIn(app);
        app.MapPost("/runtime/webhooks/EventGrid", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var function = context.Request.Query["functionName"].ToString();
            standIn.Received.Enqueue(new ReceivedDelivery(
                function,
                context.Request.Headers["aeg-event-type"].ToString(),
                context.Request.ContentType ?? "",
                body.ToArray()));
            return Results.StatusCode(standIn.StatusByFunction.GetValueOrDefault(function, StatusCodes.Status202Accepted));
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
