using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Functions;

namespace ServerlessEvents.Testing;

/// <summary>
/// Drives the handler the way the Functions host does: it reads the built function.json files, starts the
/// handler and waits for <c>GET /</c>, forwards HTTP requests through a loopback front door, and sends
/// payload-mode invocations (with the host's double encoding) for Event Grid, queue and timer triggers.
/// Queue messages are drained into their functions; the app has no other output bindings to carry out.
/// </summary>
public sealed partial class FunctionsHostDouble : IPipelineHost
{
    private HostFrontDoor? _frontDoor;

    private FunctionsHostDouble(ScriptRootDefinitions definitions, WebApplication handler, HttpClient handlerClient)
    {
        Definitions = definitions;
        Handler = handler;
        HandlerClient = handlerClient;
    }

    /// <summary>The functions of the script root.</summary>
    public ScriptRootDefinitions Definitions { get; }

    /// <summary>The running handler (in process, on a loopback port).</summary>
    public WebApplication Handler { get; }

    /// <summary>The handler's services, for tests that need a collaborator directly.</summary>
    public IServiceProvider Services => Handler.Services;

    /// <summary>A client of the handler itself, as the host calls it.</summary>
    public HttpClient HandlerClient { get; }

    /// <summary>A client of the front door: what callers of the Functions host use (<c>/api/...</c>).</summary>
    public HttpClient Client => _frontDoor!.Client;

    /// <summary>The front door's base URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl => _frontDoor!.BaseUrl;

    /// <summary>Starts the handler with the given settings on top of its defaults, and the front door.</summary>
    public static async Task<FunctionsHostDouble> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null, string? scriptRoot = null)
    {
        var definitions = ScriptRootDefinitions.Load(scriptRoot ?? RepositoryPaths.ScriptRoot);
        var handler = ServerlessEventsApp.Create(["--urls", "http://127.0.0.1:0", "--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await handler.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(handler.Urls.First()), Timeout = TimeSpan.FromSeconds(100) };
        await WaitUntilReadyAsync(client);
        var host = new FunctionsHostDouble(definitions, handler, client);
        host._frontDoor = await HostFrontDoor.StartAsync(host);
        return host;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        // The host polls GET / every 25 ms for up to 30 s; any HTTP answer means ready.
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25);
            }
        }
        throw new TimeoutException("The handler did not answer GET / within 30 s.");
    }

    /// <summary>Sends one payload-mode invocation.</summary>
    public async Task<InvocationOutcome> InvokeAsync(string function, JsonObject data, JsonObject? metadata = null, CancellationToken cancellationToken = default)
    {
        var definition = Definitions.Functions[function];
        metadata ??= [];
        metadata["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = DateTime.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() };
        using var content = new StringContent(new JsonObject { ["Data"] = data, ["Metadata"] = metadata }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await HandlerClient.PostAsync("/" + definition.Name, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = TryParseObject(text);
        return InvocationOutcome.FromPayloadAnswer(function, (int)response.StatusCode, body);
    }

    /// <summary>Delivers one CloudEvent to an eventGridTrigger function, encoded as the extension does.</summary>
    public Task<InvocationOutcome> DeliverEventGridAsync(string function, JsonObject cloudEvent, CancellationToken cancellationToken = default)
    {
        var trigger = Definitions.Functions[function].Trigger;
        // The extension hands scripts the event as indented JSON text, and the host JSON-encodes that string again.
        var eventText = cloudEvent.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var data = new JsonObject { [trigger.Name] = JsonValue.Create(JsonSerializer.Serialize(eventText)) };
        var metadata = new JsonObject { ["data"] = cloudEvent["data"]?.DeepClone() };
        return InvokeAsync(function, data, metadata, cancellationToken);
    }

    /// <summary>Runs a timer function once, with the TimerInfo object the host sends.</summary>
    public Task<InvocationOutcome> RunTimerAsync(string function, CancellationToken cancellationToken = default)
    {
        var trigger = Definitions.Functions[function].Trigger;
        var timer = new JsonObject { ["Schedule"] = new JsonObject { ["AdjustForDST"] = true }, ["ScheduleStatus"] = null, ["IsPastDue"] = false };
        return InvokeAsync(function, new JsonObject { [trigger.Name] = timer }, null, cancellationToken);
    }

    /// <inheritdoc />
    public int MaxDequeueCount => Definitions.MaxDequeueCount;

    /// <inheritdoc />
    public IReadOnlyList<(string Function, string Method, string Route)> HttpRoutes =>
        Definitions.Functions.Values.Where(f => f.Route is not null && f.IsForwardedHttp)
            .SelectMany(f => f.Methods.Select(m => (f.Name, m.ToUpperInvariant(), f.Route!))).ToArray();

    /// <summary>The eventGridTrigger functions of the script root.</summary>
    public IReadOnlyList<string> EventGridFunctions =>
        Definitions.Functions.Values.Where(f => f.Trigger.Is("eventGridTrigger")).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_frontDoor is not null)
        {
            await _frontDoor.DisposeAsync();
        }
        HandlerClient.Dispose();
        await Handler.StopAsync();
        await Handler.DisposeAsync();
    }
}
