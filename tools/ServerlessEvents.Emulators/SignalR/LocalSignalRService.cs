using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Emulators.Tls;

namespace ServerlessEvents.Emulators.SignalR;

/// <summary>
/// The local SignalR Service: Azure SignalR Service's data-plane REST API and its client hub endpoint
/// (<see cref="SignalRClientHub"/>: negotiate and WebSockets, so a browser receives what the app sends) on a loopback
/// Kestrel port. The REST side is strict about what it accepts: every
/// request must carry a valid bearer token (an HS256 access-key JWT whose audience is the request URL, unexpired;
/// or, in Entra mode, exactly the expected token), the expected <c>api-version</c>, and a well-formed body (sends:
/// <c>{"target": string, "arguments": array}</c>; group calls: none). Accepted calls are recorded; anything else is
/// answered 400/401/404 and recorded as a rejection, so tests can assert there were none. Entra mode listens over
/// HTTPS with a throw-away certificate (Azure.Core sends bearer tokens only over TLS); use <see cref="Transport"/>.
/// </summary>
public sealed class LocalSignalRService : IAsyncDisposable
{
    /// <summary>The access key of the double's connection string (43 characters, like a real key).</summary>
    public const string DefaultAccessKey = "c2lnbmFsci10ZXN0LWtleS0wMTIzNDU2Nzg5YWJjZGVm";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SignalRRequest> _requests = new();
    private readonly ConcurrentQueue<string> _rejections = new();
    private readonly X509Certificate2? _certificate;
    private int _failures;

    private LocalSignalRService(WebApplication app, string? accessKey, string? entraToken, X509Certificate2? certificate)
    {
        _app = app;
        _certificate = certificate;
        AccessKey = accessKey;
        EntraToken = entraToken;
        _clients = new SignalRClientHub(() => Endpoint, accessKey);
    }

    private readonly SignalRClientHub _clients;

    /// <summary>The browser connections open now (hub, user).</summary>
    public IReadOnlyList<(string Id, string Hub, string? User)> ClientConnections => _clients.Connections;

    /// <summary>Drops every browser connection abruptly, as a service restart would; returns how many were open.</summary>
    public int DropClientConnections() => _clients.DropAll();

    /// <summary>Called with each accepted REST call (for example to log it).</summary>
    public Action<SignalRRequest>? Accepted { get; set; }

    /// <summary>The access key tokens must be signed with (null in Entra mode).</summary>
    public string? AccessKey { get; }

    /// <summary>The bearer token Entra mode expects (null in access-key mode).</summary>
    public string? EntraToken { get; }

    /// <summary>The <c>api-version</c> every call must carry.</summary>
    public string ExpectedApiVersion { get; set; } = "2024-01-01";

    /// <summary>The service endpoint, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>A connection string for the app (access-key mode).</summary>
    public string ConnectionString
    {
        get
        {
            var uri = new Uri(Endpoint);
            return $"Endpoint=http://{uri.Host};Port={uri.Port};AccessKey={AccessKey};Version=1.0;";
        }
    }

    /// <summary>The client URL for a hub, as negotiate should return it.</summary>
    public string ClientUrl(string hub = "events") => $"{Endpoint}/client/?hub={hub}";

    /// <summary>Every accepted call, in arrival order.</summary>
    public IReadOnlyList<SignalRRequest> Requests => _requests.ToArray();

    /// <summary>Every refused call, with the reason.</summary>
    public IReadOnlyList<string> Rejections => _rejections.ToArray();

    /// <summary>The status the next <see cref="FailNext"/> calls are answered with. Default 503.</summary>
    public int FailureStatus { get; set; } = 503;

    /// <summary>Answers the next <paramref name="count"/> calls with <see cref="FailureStatus"/> (an outage; they are not recorded).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    /// <summary>Accepted sends to a user.</summary>
    public IReadOnlyList<SignalRRequest> SentToUser(string user) => Requests.Where(r => r.Operation == "sendToUser" && r.User == user).ToArray();

    /// <summary>Accepted sends to a group.</summary>
    public IReadOnlyList<SignalRRequest> SentToGroup(string group) => Requests.Where(r => r.Operation == "sendToGroup" && r.Group == group).ToArray();

    /// <summary>
    /// Starts the service on <paramref name="port"/> of 127.0.0.1 (0: a free port) in access-key mode (or, with
    /// <paramref name="entraToken"/>, in Entra mode over HTTPS).
    /// </summary>
    public static async Task<LocalSignalRService> StartAsync(string? accessKey = DefaultAccessKey, string? entraToken = null, int port = 0)
    {
        var certificate = entraToken is null ? null : LoopbackCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l =>
        {
            if (certificate is not null)
            {
                l.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var service = new LocalSignalRService(app, accessKey, entraToken, certificate);
        app.UseWebSockets();
        app.Run(service.HandleAsync);
        await app.StartAsync();
        service.Endpoint = app.Urls.Single().TrimEnd('/');
        return service;
    }

    /// <summary>A client transport that trusts exactly this double's certificate (Entra mode), or the default one.</summary>
    public HttpClientTransport Transport() => _certificate is null ? HttpClientTransport.Shared : new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
    });


    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/client"))
        {
            await _clients.HandleAsync(context, _rejections.Enqueue);
            return;
        }
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            context.Response.StatusCode = FailureStatus;
            return;
        }
        Interlocked.Exchange(ref _failures, 0);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rawPath = rawTarget.Split('?')[0];
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var request = Parse(context.Request.Method, rawPath, query);
        if (request is null)
        {
            await RejectAsync(context, 404, $"unknown operation {context.Request.Method} {rawPath}");
            return;
        }
        if (!query.TryGetValue("api-version", out var version) || version != ExpectedApiVersion)
        {
            await RejectAsync(context, 400, $"{request.Operation}: api-version '{version}' is not {ExpectedApiVersion}");
            return;
        }
        if (await AuthorizationProblemAsync(context, Endpoint + rawPath.TrimEnd('/')) is { } authProblem)
        {
            await RejectAsync(context, 401, $"{request.Operation}: {authProblem}");
            return;
        }
        if (request.IsSend)
        {
            if (!string.Equals(context.Request.ContentType?.Split(';')[0], "application/json", StringComparison.OrdinalIgnoreCase)
                || !TryParseMessage(body, out var target, out var arguments))
            {
                await RejectAsync(context, 400, $"{request.Operation}: the body is not {{\"target\": string, \"arguments\": array}}: {body}");
                return;
            }
            request = request with { Target = target, Arguments = arguments };
        }
        else if (body.Length > 0)
        {
            await RejectAsync(context, 400, $"{request.Operation}: unexpected body {body}");
            return;
        }
        _requests.Enqueue(request);
        await DeliverAsync(request);
        Accepted?.Invoke(request);
        switch (request.Operation)
        {
            case "generateToken":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(new JsonObject { ["token"] = $"entra-issued.{request.User}.{query.GetValueOrDefault("minutesToExpire")}" }.ToJsonString());
                break;
            case "removeUserFromGroup":
                context.Response.StatusCode = 204;
                break;
            case "addUserToGroup":
                context.Response.StatusCode = 200;
                break;
            default:
                context.Response.StatusCode = 202;
                break;
        }
    }

    private Task DeliverAsync(SignalRRequest request)
    {
        switch (request.Operation)
        {
            case "sendToAll":
                return _clients.SendAsync(request.Hub, _ => true, request.Target!, request.Arguments!);
            case "sendToUser":
                return _clients.SendAsync(request.Hub, user => user == request.User, request.Target!, request.Arguments!);
            case "sendToGroup":
                return _clients.SendAsync(request.Hub, user => _clients.InGroup(request.Hub, request.Group!, user), request.Target!, request.Arguments!);
            case "addUserToGroup":
            case "removeUserFromGroup":
                _clients.SetMembership(request.Hub, request.Group!, request.User!, request.Operation == "addUserToGroup");
                return Task.CompletedTask;
            default:
                return Task.CompletedTask;
        }
    }

    private static SignalRRequest? Parse(string method, string rawPath, Dictionary<string, string> query)
    {
        var segments = rawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 4 || segments[0] != "api" || segments[1] != "hubs")
        {
            return null;
        }
        var hub = segments[2];
        var rest = segments[3..];
        return (method, rest) switch
        {
            ("POST", [":send"]) => new SignalRRequest("sendToAll", hub, null, null, null, null, query),
            ("POST", [":generateToken"]) => new SignalRRequest("generateToken", hub, query.GetValueOrDefault("userId"), null, null, null, query),
            ("POST", ["users", var user, ":send"]) => new SignalRRequest("sendToUser", hub, user, null, null, null, query),
            ("POST", ["groups", var group, ":send"]) => new SignalRRequest("sendToGroup", hub, null, group, null, null, query),
            ("PUT", ["users", var user, "groups", var group]) => new SignalRRequest("addUserToGroup", hub, user, group, null, null, query),
            ("DELETE", ["users", var user, "groups", var group]) => new SignalRRequest("removeUserFromGroup", hub, user, group, null, null, query),
            _ => null,
        };
    }

    private async Task<string?> AuthorizationProblemAsync(HttpContext context, string audience)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "no bearer token";
        }
        var token = header["Bearer ".Length..];
        if (EntraToken is not null)
        {
            return token == EntraToken ? null : "not the expected Entra ID token";
        }
        var (_, problem) = await SignalRTokens.ValidateAsync(token, AccessKey!, audience);
        return problem;
    }

    private static bool TryParseMessage(string body, out string target, out JsonArray arguments)
    {
        target = "";
        arguments = [];
        try
        {
            if (JsonNode.Parse(body) is JsonObject message && message["target"] is JsonValue t && t.TryGetValue(out string? name)
                && message["arguments"] is JsonArray args && message.Count == 2)
            {
                target = name;
                arguments = (JsonArray)args.DeepClone();
                return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }

    private async Task RejectAsync(HttpContext context, int status, string reason)
    {
        _rejections.Enqueue(reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["code"] = status, ["message"] = reason }.ToJsonString());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate?.Dispose();
    }
}
