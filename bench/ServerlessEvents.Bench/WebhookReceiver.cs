using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.Bench;

/// <summary>A loopback webhook receiver (Kestrel) that stamps the arrival of each event id (X-Event-Id) and answers 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Arrival timestamps (Stopwatch ticks) by event id; set <see cref="Arrivals"/> before sending.</summary>
    public ConcurrentDictionary<string, long>? Arrivals { get; set; }

    /// <summary>The URL to subscribe.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Starts the receiver on a free loopback port.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", (HttpContext context) =>
        {
            var now = Stopwatch.GetTimestamp();
            receiver.Arrivals?.TryAdd(context.Request.Headers["X-Event-Id"].ToString(), now);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/hook";
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
