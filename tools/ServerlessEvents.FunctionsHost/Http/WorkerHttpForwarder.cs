using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Http;

/// <summary>
/// Runs an HTTP function as the host does with the ASP.NET Core integration: an InvocationRequest with an empty
/// RpcHttp (route values in trigger_metadata) and, alongside, the real request proxied to the worker's Kestrel
/// (capability HttpUri) with <c>x-ms-invocation-id</c> and <c>X-Forwarded-*</c>; the worker's answer is relayed.
/// </summary>
internal sealed class WorkerHttpForwarder(FunctionsHost host, ILogger<WorkerHttpForwarder> logger)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(240), // YARP's activity timeout in the host
    };

    public async Task ForwardAsync(HttpContext context, string functionName)
    {
        var session = host.Session;
        if (session is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (session.HttpUri is null)
        {
            await Results.Problem(statusCode: 500, title: "The worker has no HTTP integration",
                detail: "The worker did not advertise HttpUri; use ConfigureFunctionsWebApplication().").ExecuteAsync(context);
            return;
        }
        var function = host.Function(functionName);
        var invocationId = Guid.NewGuid().ToString();
        var http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetDisplayUrl() };
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal);
        foreach (var (name, value) in context.GetRouteData().Values)
        {
            if (value is not null) metadata[name] = TypedDataText.String(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        var invocation = host.InvokeAsync(function, [new ParameterBinding { Name = function.Trigger.Name, Data = new TypedData { Http = http } }], metadata, invocationId, context.RequestAborted);

        using var request = BuildRequest(context, session.HttpUri, invocationId);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            HostLog.ForwardFailed(logger, e, context.Request.Method, context.Request.Path);
            await invocation;
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }
        using (response)
        {
            if (invocation.IsCompleted && !(await invocation).Succeeded)
            {
                // The function failed before the worker answered with anything of its own.
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
            else
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                {
                    if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
                }
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
        await invocation;
    }

    private static HttpRequestMessage BuildRequest(HttpContext context, Uri workerUri, string invocationId)
    {
        var target = new Uri(workerUri, context.Request.PathBase + context.Request.Path + context.Request.QueryString);
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        request.Headers.TryAddWithoutValidation("x-ms-invocation-id", invocationId);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", context.Request.Host.ToString());
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", context.Request.Scheme);
        if (context.Connection.RemoteIpAddress is { } remote) request.Headers.TryAddWithoutValidation("X-Forwarded-For", remote.ToString());
        return request;
    }
}
