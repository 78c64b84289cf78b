using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Testing;

/// <summary>
/// The host double's HTTP side on a loopback port: <c>/api/...</c> is matched against the httpTrigger routes
/// and forwarded (every HTTP function is http-in/http-out); <c>/runtime/webhooks/EventGrid</c>
/// delivers Event Grid notifications as Core Tools does locally.
/// </summary>
internal sealed class HostFrontDoor : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Content-Length" };
    private readonly WebApplication _app;
    private readonly FunctionsHostDouble _host;
    private readonly List<(FunctionDefinition Function, TemplateMatcher Matcher)> _routes;

    private HostFrontDoor(WebApplication app, FunctionsHostDouble host)
    {
        _app = app;
        _host = host;
        _routes = host.Definitions.Functions.Values.Where(f => f.Route is not null)
            .Select(f => (f, new TemplateMatcher(TemplateParser.Parse("api/" + f.Route), new RouteValueDictionary())))
            .OrderBy(r => r.Item1.Route!.Contains('{', StringComparison.Ordinal) ? 1 : 0)
            .ToList();
    }

    public string BaseUrl { get; private set; } = "";

    public HttpClient Client { get; private set; } = new();

    public static async Task<HostFrontDoor> StartAsync(FunctionsHostDouble host)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.Listen(IPAddress.Loopback, 0); k.Limits.MaxRequestBodySize = 100_000_000; });
        var app = builder.Build();
        var door = new HostFrontDoor(app, host);
        app.Map("/api/{**path}", door.HandleApiAsync);
        app.MapPost("/runtime/webhooks/EventGrid", door.HandleEventGridAsync);
        await app.StartAsync();
        door.BaseUrl = app.Urls.Single();
        door.Client = new HttpClient { BaseAddress = new Uri(door.BaseUrl), Timeout = TimeSpan.FromSeconds(100) };
        return door;
    }

    private async Task HandleApiAsync(HttpContext context)
    {
        var match = _routes.FirstOrDefault(r => r.Function.Methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)
            && r.Matcher.TryMatch(context.Request.Path, new RouteValueDictionary()));
        if (match.Function is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        // Every HTTP function is http-in/http-out (ScriptRootDefinitions refuses others), so the host forwards it.
        await ForwardAsync(context);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        var body = await ReadBodyAsync(context.Request);
        if (body.Length > 0)
        {
            // The host copies the body only when Content-Length > 0.
            request.Content = new ByteArrayContent(body);
        }
        foreach (var (name, value) in context.Request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        using var response = await _host.HandlerClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, value) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[name] = value.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private async Task HandleEventGridAsync(HttpContext context)
    {
        var name = context.Request.Query["functionName"].ToString();
        if (!_host.Definitions.Functions.TryGetValue(name, out var function) || !function.Trigger.Is("eventGridTrigger"))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (!string.Equals(context.Request.Headers["aeg-event-type"], "Notification", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 400;
            return;
        }
        var node = JsonNode.Parse(await ReadBodyAsync(context.Request));
        var events = node is JsonArray array ? array.Select(e => e!.AsObject()).ToArray() : [node!.AsObject()];
        var outcomes = await Task.WhenAll(events.Select(e => _host.DeliverEventGridAsync(function.Name, e, context.RequestAborted)));
        context.Response.StatusCode = outcomes.All(o => o.Succeeded) ? 202 : 500;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
