using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.Testing;

/// <summary>
/// A loopback stand-in for an Event Grid topic endpoint. It receives the real requests of
/// EventGridPublisherClient, checks the access key, records every CloudEvent, and can be taken down
/// (answering 503) to simulate an outage. <see cref="Forward"/> lets a test fan events on to subscribers.
/// </summary>
public sealed class EventGridSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _events = new();

    private EventGridSink(WebApplication app) => _app = app;

    /// <summary>The key clients must send as <c>aeg-sas-key</c>.</summary>
    public string Key { get; } = Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    /// <summary>The topic endpoint URL to configure as <c>EventGrid:TopicEndpoint</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>False makes every request fail with 503, like an unavailable topic.</summary>
    public bool Available { get; set; } = true;

    /// <summary>Every event received, in arrival order (a redelivered event appears again).</summary>
    public IReadOnlyList<JsonObject> Events => _events.ToArray();

    /// <summary>Publish requests received (accepted or not).</summary>
    public int Requests => _requests;
    private int _requests;

    /// <summary>Exceptions thrown by <see cref="Forward"/> (a subscriber failing is not the topic's failure).</summary>
    public IReadOnlyList<Exception> ForwardFailures => _forwardFailures.ToArray();
    private readonly ConcurrentQueue<Exception> _forwardFailures = new();

    /// <summary>Called with each accepted batch, e.g. to deliver it to subscriber functions.</summary>
    public Func<IReadOnlyList<JsonObject>, Task>? Forward { get; set; }

    /// <summary>Starts the sink on a free loopback port.</summary>
    public static async Task<EventGridSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.Listen(IPAddress.Loopback, 0); k.Limits.MaxRequestBodySize = 2_000_000; });
        var app = builder.Build();
        var sink = new EventGridSink(app);
        app.MapPost("/api/events", async (HttpContext context) =>
        {
            Interlocked.Increment(ref sink._requests);
            if (!sink.Available)
            {
                return Results.StatusCode(503);
            }
            if (context.Request.Headers["aeg-sas-key"] != sink.Key)
            {
                return Results.StatusCode(401);
            }
            if (!(context.Request.ContentType ?? "").StartsWith("application/cloudevents-batch+json", StringComparison.OrdinalIgnoreCase))
            {
                return Results.StatusCode(415);
            }
            var batch = (await JsonNode.ParseAsync(context.Request.Body))!.AsArray().Select(n => n!.AsObject()).ToArray();
            foreach (var e in batch)
            {
                sink._events.Enqueue(e);
            }
            if (sink.Forward is { } forward)
            {
                try
                {
                    await forward(batch);
                }
                catch (Exception exception)
                {
                    sink._forwardFailures.Enqueue(exception);
                }
            }
            return Results.Ok();
        });
        await app.StartAsync();
        sink.Endpoint = app.Urls.Single() + "/api/events";
        return sink;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
