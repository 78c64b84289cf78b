using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>
/// A client of one hub of Azure SignalR Service's data-plane REST API (Serverless mode): sends to everyone, a user
/// or a group, manages user-group membership and issues client connection tokens. It authenticates with the
/// connection string's access key (a fresh HS256 JWT per request, audience = the request URL) or with Microsoft
/// Entra ID (scope <c>https://signalr.azure.com/.default</c>; the identity needs the SignalR REST API Owner role).
/// Failures throw <see cref="RequestFailedException"/> after the pipeline's retries. Members are virtual for mocking.
/// </summary>
public partial class SignalRServiceClient
{
    /// <summary>The Entra ID scope of the data plane.</summary>
    public const string EntraScope = "https://signalr.azure.com/.default";

    private const int MaxBodyBytes = 1_000_000;
    private readonly HttpPipeline _pipeline = null!;
    private readonly string _apiVersion = null!;
    private readonly string? _accessKey;
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly string _serviceBase = null!;
    private readonly string _clientBase = null!;

    /// <summary>For mocking.</summary>
    protected SignalRServiceClient()
    {
        Endpoint = null!;
        Hub = null!;
    }

    /// <summary>A client that signs with the access key of a connection string (<c>Endpoint=...;AccessKey=...;Version=1.0;</c>).</summary>
    public SignalRServiceClient(string connectionString, string hub, SignalRServiceClientOptions? options = null)
        : this(SignalRConnectionString.Parse(connectionString), hub, options ?? new SignalRServiceClientOptions())
    {
    }

    /// <summary>A client that authenticates with Microsoft Entra ID.</summary>
    public SignalRServiceClient(Uri endpoint, string hub, TokenCredential credential, SignalRServiceClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new SignalRServiceClientOptions();
        Endpoint = endpoint;
        _serviceBase = _clientBase = Base(endpoint);
        Hub = CheckHub(hub);
        _apiVersion = options.ApiVersion;
        _clock = options.TimeProvider;
        _pipeline = HttpPipelineBuilder.Build(options, [], [new BearerTokenAuthenticationPolicy(credential, EntraScope)], new ResponseClassifier());
    }

    private SignalRServiceClient(SignalRConnectionString connection, string hub, SignalRServiceClientOptions options)
    {
        Endpoint = connection.Endpoint;
        _serviceBase = Base(connection.Endpoint);
        _clientBase = Base(connection.ClientEndpoint);
        Hub = CheckHub(hub);
        _apiVersion = options.ApiVersion;
        _clock = options.TimeProvider;
        _accessKey = connection.AccessKey;
        _pipeline = HttpPipelineBuilder.Build(options, [], [new SignalRAccessKeyPolicy(connection.AccessKey, options.TimeProvider, options.ServerTokenLifetime)], new ResponseClassifier());
    }

    /// <summary>The service endpoint, e.g. <c>https://x.service.signalr.net</c>.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>The hub (lower case: the service treats hub names case-insensitively).</summary>
    public virtual string Hub { get; }

    /// <summary>The URL clients connect to: <c>{endpoint}/client/?hub={hub}</c>.</summary>
    public virtual Uri ClientUrl => new($"{_clientBase}/client/?hub={Hub}");

    /// <summary>Invokes <paramref name="target"/> on every connection of the hub (<c>POST /api/hubs/{hub}/:send</c>).</summary>
    public virtual Task<Response> SendToAllAsync(string target, IReadOnlyList<JsonNode?> arguments, CancellationToken cancellationToken = default) =>
        SendAsync(RequestMethod.Post, $"/api/hubs/{Hub}/:send", [], Message(target, arguments), cancellationToken);

    /// <summary>Invokes <paramref name="target"/> on every connection of a user (<c>POST .../users/{user}/:send</c>).</summary>
    public virtual Task<Response> SendToUserAsync(string userId, string target, IReadOnlyList<JsonNode?> arguments, CancellationToken cancellationToken = default) =>
        SendAsync(RequestMethod.Post, $"/api/hubs/{Hub}/users/{Escape(CheckUser(userId))}/:send", [], Message(target, arguments), cancellationToken);

    /// <summary>Invokes <paramref name="target"/> on every connection in a group (<c>POST .../groups/{group}/:send</c>).</summary>
    public virtual Task<Response> SendToGroupAsync(string group, string target, IReadOnlyList<JsonNode?> arguments, CancellationToken cancellationToken = default) =>
        SendAsync(RequestMethod.Post, $"/api/hubs/{Hub}/groups/{Escape(CheckGroup(group))}/:send", [], Message(target, arguments), cancellationToken);

    /// <summary>
    /// Adds a user (all its connections, now and later) to a group (<c>PUT .../users/{user}/groups/{group}</c>).
    /// Without <paramref name="timeToLive"/> the service keeps the membership for at most a year, and only a user's latest 100 groups.
    /// </summary>
    public virtual Task<Response> AddUserToGroupAsync(string group, string userId, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var query = timeToLive is { } ttl ? new[] { ("ttl", ((long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture)) } : [];
        return SendAsync(RequestMethod.Put, $"/api/hubs/{Hub}/users/{Escape(CheckUser(userId))}/groups/{Escape(CheckGroup(group))}", query, null, cancellationToken);
    }

    /// <summary>Removes a user from a group (<c>DELETE .../users/{user}/groups/{group}</c>).</summary>
    public virtual Task<Response> RemoveUserFromGroupAsync(string group, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(RequestMethod.Delete, $"/api/hubs/{Hub}/users/{Escape(CheckUser(userId))}/groups/{Escape(CheckGroup(group))}", [], null, cancellationToken);

    /// <summary>
    /// A client URL and token for <paramref name="userId"/>. With an access key the token is signed here (audience =
    /// <see cref="ClientUrl"/>, <c>nameid</c> = the user); with Entra ID the service issues it
    /// (<c>POST /api/hubs/{hub}/:generateToken</c>), whole minutes, at least one.
    /// </summary>
    public virtual async Task<SignalRClientAccess> GetClientAccessAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        CheckUser(userId);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token must live for a positive time.");
        }
        var now = _clock.GetUtcNow();
        if (_accessKey is not null)
        {
            var url = ClientUrl;
            return new SignalRClientAccess(url, SignalRAccessToken.Create(_accessKey, url.ToString(), now, lifetime, userId), now.Add(lifetime));
        }
        var minutes = Math.Max(1, (int)Math.Ceiling(lifetime.TotalMinutes));
        using var response = await SendAsync(RequestMethod.Post, $"/api/hubs/{Hub}/:generateToken",
            [("userId", userId), ("minutesToExpire", minutes.ToString(CultureInfo.InvariantCulture))], null, cancellationToken);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var token = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new RequestFailedException(response.Status, "SignalR Service answered :generateToken without a token.");
        return new SignalRClientAccess(ClientUrl, token, now.AddMinutes(minutes));
    }

    private async Task<Response> SendAsync(RequestMethod method, string path, IEnumerable<(string Name, string Value)> query, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = _pipeline.CreateRequest();
        request.Method = method;
        var queryText = string.Concat(query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}&"));
        request.Uri.Reset(new Uri($"{_serviceBase}{path}?{queryText}api-version={Uri.EscapeDataString(_apiVersion)}"));
        if (body is not null)
        {
            request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
            request.Content = RequestContent.Create(body);
        }
        var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsError)
        {
            var failure = new RequestFailedException(response);
            response.Dispose();
            throw failure;
        }
        return response;
    }

    private static byte[] Message(string target, IReadOnlyList<JsonNode?> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(arguments);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                if (argument is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    argument.WriteTo(writer);
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.Length <= MaxBodyBytes
            ? buffer.ToArray()
            : throw new ArgumentException($"The message is {buffer.Length} bytes; SignalR Service accepts at most {MaxBodyBytes}.", nameof(arguments));
    }

    private static string CheckHub(string hub) =>
        hub is not null && HubName().IsMatch(hub) ? hub.ToLowerInvariant()
            : throw new ArgumentException("A hub name starts with a letter and has only letters, digits and '_' (at most 128).", nameof(hub));

    private static string CheckGroup(string group) =>
        !string.IsNullOrEmpty(group) && group.Length <= 1024 ? group : throw new ArgumentException("A group name has 1-1024 characters.", nameof(group));

    private static string CheckUser(string userId) =>
        !string.IsNullOrEmpty(userId) && userId.Length <= 1024 ? userId : throw new ArgumentException("A user id has 1-1024 characters.", nameof(userId));

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Base(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    private static partial Regex HubName();
}
