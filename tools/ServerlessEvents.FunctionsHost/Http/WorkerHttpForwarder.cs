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

    private const int HoldLimit = 1 << 20;
    private static readonly TimeSpan OutcomeWait = TimeSpan.FromSeconds(5);

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

        HttpResponseMessage response;
        try
        {
            response = await SendAsync(context, session.HttpUri, invocationId);
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
            await RelayAsync(context, response, invocation);
        }
        await invocation;
    }

    // A worker that has just started (or restarted) advertises its HttpUri a moment before its Kestrel accepts
    // connections; a request that could not connect sent nothing, so it is tried again for up to ConnectWait before
    // the answer is 502 (seen once as a 502 right after a restart on a loaded CI machine).
    private async Task<HttpResponseMessage> SendAsync(HttpContext context, Uri workerUri, string invocationId)
    {
        var deadline = DateTimeOffset.UtcNow + ConnectWait;
        while (true)
        {
            var request = BuildRequest(context, workerUri, invocationId);
            try
            {
                return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && DateTimeOffset.UtcNow < deadline)
            {
                request.Dispose();
                await Task.Delay(50, context.RequestAborted);
            }
        }
    }

    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Relays the worker's answer unless the invocation failed: the worker's Kestrel answers even when the function
    /// threw, so the body is held (up to <see cref="HoldLimit"/>) until the invocation's outcome is known, and a
    /// failure becomes 500, as the host answers. A larger body is streamed as it comes.
    /// </summary>
    private static async Task RelayAsync(HttpContext context, HttpResponseMessage response, Task<InvocationResult> invocation)
    {
        var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        using var held = new MemoryStream();
        var chunk = new byte[81920];
        Task<int>? pendingRead = null;
        var ended = false;
        while (!invocation.IsCompleted && !ended && held.Length < HoldLimit)
        {
            pendingRead ??= body.ReadAsync(chunk, context.RequestAborted).AsTask();
            if (await Task.WhenAny(pendingRead, invocation) != pendingRead) break;
            var read = await pendingRead;
            pendingRead = null;
            if (read == 0) ended = true;
            else held.Write(chunk, 0, read);
        }
        if (ended && !invocation.IsCompleted)
        {
            // The worker sends its InvocationResponse right after it completes the HTTP response.
            await Task.WhenAny(invocation, Task.Delay(OutcomeWait, context.RequestAborted));
        }
        if (invocation.IsCompleted && !(await invocation).Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        }
        await context.Response.Body.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), context.RequestAborted);
        if (pendingRead is not null)
        {
            var read = await pendingRead;
            if (read == 0) ended = true;
            else await context.Response.Body.WriteAsync(chunk.AsMemory(0, read), context.RequestAborted);
        }
        if (!ended) await body.CopyToAsync(context.Response.Body, context.RequestAborted);
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
