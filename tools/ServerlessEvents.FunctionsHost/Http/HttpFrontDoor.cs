using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.EventGrid;
using ServerlessEvents.FunctionsHost.Metadata;
using ServerlessEvents.FunctionsHost.Worker;

namespace ServerlessEvents.FunctionsHost.Http;

/// <summary>
/// The host's public HTTP side on 127.0.0.1: one endpoint per httpTrigger under host.json's route prefix (matched
/// here, with route constraints; a miss is 404 and never reaches the worker) and the Event Grid webhook
/// <c>/runtime/webhooks/eventgrid</c>.
/// </summary>
internal sealed class HttpFrontDoor : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpFrontDoor(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<HttpFrontDoor> StartAsync(FunctionsHost host, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(host.LoggerFactory);
        builder.Services.AddRouting();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 100_000_000; // the host's 100 MB request limit
        });
        var app = builder.Build();
        var forwarder = new WorkerHttpForwarder(host, host.LoggerFactory.CreateLogger<WorkerHttpForwarder>());
        var webhook = new EventGridWebhook(host);
        // A method that misses an existing route is a miss too: 404, as for an unknown path.
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        app.UseRouting();
        foreach (var function in host.Functions.Where(f => f.Trigger.Is("httpTrigger")))
        {
            var pattern = RoutePattern(host.HostJson.RoutePrefix, function);
            var methods = function.Trigger.ArrayProperty("methods").Select(m => m.ToUpperInvariant()).ToArray();
            var target = function.Name;
            RequestDelegate handler = context => forwarder.ForwardAsync(context, target);
            if (methods.Length == 0) app.Map(pattern, handler);
            else app.MapMethods(pattern, methods, handler);
        }
        app.MapPost("/runtime/webhooks/eventgrid", webhook.HandleAsync);
        app.MapPost("/admin/functions/{name}", (string name) => RunNow(host, name));
        await app.StartAsync(cancellationToken);
        return new HttpFrontDoor(app, new Uri(app.Urls.Single()));
    }

    /// <summary>
    /// <c>POST /admin/functions/{name}</c>, the host's "run a non-HTTP function now": a timer function starts at once
    /// and the call answers 202 without waiting, as the Functions host does. An unknown function is 404; an HTTP,
    /// queue or Event Grid function is 400 (call its route, put a message on its queue, or publish an event).
    /// </summary>
    private static IResult RunNow(FunctionsHost host, string name)
    {
        var function = host.Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No function named '{name}'.");
        }
        if (!function.Trigger.Is("timerTrigger"))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{function.Name}' is a {function.Trigger.Type} function; only timer functions run from here.");
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await host.RunTimerAsync(function.Name);
            }
            catch (Exception exception) when (exception is WorkerUnavailableException or InvalidOperationException)
            {
                // The outcome is reported with every invocation; a run refused because the worker stopped has none.
            }
        });
        return Results.Accepted();
    }

    /// <summary>
    /// The route template the host serves a function at. With an empty prefix, routes under admin and runtime are
    /// refused: they would shadow the host's own endpoints.
    /// </summary>
    internal static string RoutePattern(string prefix, WorkerFunction function)
    {
        var route = (function.Trigger.Property("route") ?? function.Name).Trim('/');
        var reserved = route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(prefix) && reserved)
        {
            throw new InvalidOperationException($"Function '{function.Name}': the route '{route}' conflicts with the host's reserved admin/runtime routes.");
        }
        return "/" + (string.IsNullOrEmpty(prefix) ? route : prefix + "/" + route);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
