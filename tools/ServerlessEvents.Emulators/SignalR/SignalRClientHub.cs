using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessEvents.Emulators.SignalR;

/// <summary>
/// The client side of the local SignalR Service: <c>POST /client/negotiate?hub=</c> and the WebSocket at
/// <c>/client/?hub=&amp;id=&amp;access_token=</c>, with the service's URL shape. The client token must be the one the
/// app issued: HS256 over the access key, audience <c>{endpoint}/client/?hub={hub}</c>, unexpired, naming the user in
/// <c>nameid</c>. It speaks the JSON hub protocol (handshake, invocations, pings, close) and keeps user-group
/// membership the way the service does for <c>PUT .../users/{user}/groups/{group}</c>: per user, so connections the
/// user opens later are in the group too. Negotiate answers CORS, as the service does for browsers.
/// </summary>
internal sealed class SignalRClientHub(Func<string> endpoint, string? accessKey)
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _negotiated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Hub, string Group), ConcurrentDictionary<string, byte>> _groups = new();

    /// <summary>Open connections: their hub, user and transport.</summary>
    public IReadOnlyList<(string Id, string Hub, string? User)> Connections => _connections.Values.Select(c => (c.Id, c.Hub, c.User)).ToArray();

    public async Task HandleAsync(HttpContext context, Action<string> reject)
    {
        AllowBrowsers(context);
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        var hub = context.Request.Query["hub"].ToString();
        if (string.IsNullOrEmpty(hub))
        {
            await FailAsync(context, 400, "the hub query parameter is required", reject);
            return;
        }
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        if (path == "/client/negotiate" && HttpMethods.IsPost(context.Request.Method))
        {
            var token = context.Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h["Bearer ".Length..] : "";
            var (user, problem) = await AuthenticateAsync(token, hub);
            if (problem is not null)
            {
                await FailAsync(context, 401, "negotiate: " + problem, reject);
                return;
            }
            var connectionToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            _negotiated[connectionToken] = user ?? "";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["negotiateVersion"] = 1,
                ["connectionId"] = Guid.NewGuid().ToString("N"),
                ["connectionToken"] = connectionToken,
                ["availableTransports"] = new JsonArray(new JsonObject { ["transport"] = "WebSockets", ["transferFormats"] = new JsonArray("Text", "Binary") }),
            }.ToJsonString());
            return;
        }
        if (path == "/client" && context.WebSockets.IsWebSocketRequest)
        {
            var (user, problem) = await AuthenticateAsync(context.Request.Query["access_token"].ToString(), hub);
            var id = context.Request.Query["id"].ToString();
            if (problem is null && !_negotiated.TryRemove(id, out _))
            {
                problem = "the connection id was not negotiated (or was used already)";
            }
            if (problem is not null)
            {
                await FailAsync(context, 401, "connect: " + problem, reject);
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await RunConnectionAsync(new Connection(id, hub, user, socket), context.RequestAborted);
            return;
        }
        await FailAsync(context, 404, $"unknown client operation {context.Request.Method} {path}", reject);
    }

    /// <summary>Drops every open connection abruptly (no close handshake), as a service restart or a network cut would; returns how many.</summary>
    public int DropAll()
    {
        var open = _connections.Values.ToArray();
        foreach (var connection in open)
        {
            connection.Socket.Abort();
        }
        return open.Length;
    }

    /// <summary>Adds or removes a user's membership of a group (per user, kept across connections).</summary>
    public void SetMembership(string hub, string group, string user, bool member)
    {
        var users = _groups.GetOrAdd((hub, group), _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        if (member) users[user] = 0;
        else users.TryRemove(user, out _);
    }

    /// <summary>Sends an invocation to every connection of the hub that <paramref name="to"/> selects.</summary>
    public async Task SendAsync(string hub, Func<string?, bool> to, string target, JsonArray arguments)
    {
        var frame = new JsonObject { ["type"] = 1, ["target"] = target, ["arguments"] = arguments.DeepClone() }.ToJsonString() + RecordSeparator;
        var recipients = _connections.Values.Where(c => c.Hub == hub && c.Handshaken && to(c.User)).ToArray();
        await Task.WhenAll(recipients.Select(c => c.SendAsync(frame)));
    }

    /// <summary>True when <paramref name="user"/> is a member of the group.</summary>
    public bool InGroup(string hub, string group, string? user) =>
        user is not null && _groups.TryGetValue((hub, group), out var users) && users.ContainsKey(user);

    private async Task RunConnectionAsync(Connection connection, CancellationToken aborted)
    {
        _connections[connection.Id] = connection;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var pings = PingAsync(connection, stop.Token);
        try
        {
            var buffer = new byte[16 * 1024];
            var pending = new StringBuilder();
            while (connection.Socket.State == WebSocketState.Open)
            {
                var read = await connection.Socket.ReceiveAsync(buffer, stop.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                pending.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
                var text = pending.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0)
                {
                    continue;
                }
                pending.Clear().Append(text[(end + 1)..]);
                foreach (var message in text[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!await OnMessageAsync(connection, message))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The browser went away or the service is stopping.
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            await stop.CancelAsync();
            await pings;
            await connection.CloseAsync();
        }
    }

    private static async Task<bool> OnMessageAsync(Connection connection, string message)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(message) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }
        if (!connection.Handshaken)
        {
            if (json?["protocol"]?.ToString() != "json")
            {
                await connection.SendAsync(new JsonObject { ["error"] = "Only the json hub protocol is supported here." }.ToJsonString() + RecordSeparator);
                return false;
            }
            connection.Handshaken = true;
            await connection.SendAsync("{}" + RecordSeparator);
            return true;
        }
        // 6 = ping (nothing to do), 7 = close; invocations from the client are not served by a serverless hub.
        return json?["type"]?.GetValue<int>() != 7;
    }

    private static async Task PingAsync(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PingInterval, cancellationToken);
                if (connection.Handshaken)
                {
                    await connection.SendAsync("{\"type\":6}" + RecordSeparator);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task<(string? User, string? Problem)> AuthenticateAsync(string token, string hub)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, "no access token");
        }
        if (accessKey is null)
        {
            // Entra mode: the service issued the token (generateToken), as "entra-issued.{user}.{minutes}".
            var parts = token.Split('.');
            return parts is ["entra-issued", var user, _] ? (user, null) : (null, "not a token this service issued");
        }
        var (jwt, problem) = await SignalRTokens.ValidateAsync(token, accessKey, $"{endpoint()}/client/?hub={hub}");
        if (jwt is null)
        {
            return (null, problem);
        }
        return (jwt.TryGetClaim("nameid", out var claim) ? claim.Value : null, null);
    }

    private static void AllowBrowsers(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return;
        }
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        headers.AccessControlAllowHeaders = "authorization, content-type, x-requested-with, x-signalr-user-agent";
        headers.Vary = "Origin";
    }

    private static async Task FailAsync(HttpContext context, int status, string reason, Action<string> reject)
    {
        reject(reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["code"] = status, ["message"] = reason }.ToJsonString());
    }

    private sealed class Connection(string id, string hub, string? user, WebSocket socket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public string Id { get; } = id;
        public string Hub { get; } = hub;
        public string? User { get; } = user;
        public WebSocket Socket { get; } = socket;
        public bool Handshaken { get; set; }

        public async Task SendAsync(string frame)
        {
            await _send.WaitAsync();
            try
            {
                if (Socket.State == WebSocketState.Open)
                {
                    await Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
                // The browser went away; its receive loop removes the connection.
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
            }
        }
    }
}
