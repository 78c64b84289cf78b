using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using ServerlessEvents.Functions.Realtime;
using ServerlessEvents.Emulators.SignalR;

namespace ServerlessEvents.IntegrationTests.Realtime;

/// <summary>The REST client against a strict loopback SignalR Service (tokens, paths and bodies checked on arrival).</summary>
public sealed class SignalRServiceClientTests : IAsyncLifetime
{
    private LocalSignalRService _service = null!;

    public async Task InitializeAsync() => _service = await LocalSignalRService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private SignalRServiceClient Client(string? connectionString = null, int retries = 2) =>
        new(connectionString ?? _service.ConnectionString, "Events", new SignalRServiceClientOptions { Retry = { MaxRetries = retries, Delay = TimeSpan.FromMilliseconds(10) } });

    [Fact]
    public async Task Each_call_uses_its_documented_path_method_and_body_with_a_token_for_its_own_url()
    {
        var client = Client();
        var user = "acme:u/1 ü";
        JsonNode[] arguments = [new JsonObject { ["id"] = "e1" }, JsonValue.Create(2)];

        Assert.Equal(202, (await client.SendToAllAsync("event", arguments)).Status);
        Assert.Equal(202, (await client.SendToUserAsync(user, "event", arguments)).Status);
        Assert.Equal(202, (await client.SendToGroupAsync("tenant-acme", "event", arguments)).Status);
        Assert.Equal(200, (await client.AddUserToGroupAsync("tenant-acme", user, TimeSpan.FromMinutes(90))).Status);
        Assert.Equal(204, (await client.RemoveUserFromGroupAsync("tenant-acme", user)).Status);

        Assert.Empty(_service.Rejections);
        var calls = _service.Requests;
        Assert.Equal(["sendToAll", "sendToUser", "sendToGroup", "addUserToGroup", "removeUserFromGroup"], calls.Select(c => c.Operation));
        Assert.All(calls, c => Assert.Equal("events", c.Hub));
        Assert.All(calls.Where(c => c.IsSend), c =>
        {
            Assert.Equal("event", c.Target);
            Assert.True(JsonNode.DeepEquals(new JsonArray(new JsonObject { ["id"] = "e1" }, 2), c.Arguments), c.Arguments!.ToJsonString());
        });
        Assert.Equal(user, calls[1].User);
        Assert.Equal("tenant-acme", calls[2].Group);
        Assert.Equal((user, "tenant-acme", "5400"), (calls[3].User, calls[3].Group, calls[3].Query["ttl"]));
        Assert.False(calls[4].Query.ContainsKey("ttl"));
    }

    [Fact]
    public async Task Access_key_client_token_names_the_user_for_the_client_url_and_expires_after_the_lifetime()
    {
        var access = await Client().GetClientAccessAsync("acme:key_1", TimeSpan.FromMinutes(30));

        Assert.Equal(_service.ClientUrl("events"), access.Url.ToString());
        var (token, problem) = await SignalRTokens.ValidateAsync(access.AccessToken, LocalSignalRService.DefaultAccessKey, access.Url.ToString());
        Assert.True(problem is null, problem);
        Assert.Equal("acme:key_1", token!.GetClaim("nameid").Value);
        Assert.InRange(token.ValidTo, DateTime.UtcNow.AddMinutes(29), DateTime.UtcNow.AddMinutes(31));
        Assert.Equal(access.ExpiresOn.ToUnixTimeSeconds(), new DateTimeOffset(token.ValidTo).ToUnixTimeSeconds());
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_with_401()
    {
        var wrongKey = _service.ConnectionString.Replace(LocalSignalRService.DefaultAccessKey, "another-key-0123456789abcdefghijklmnopqrstuv", StringComparison.Ordinal);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Client(wrongKey).SendToAllAsync("event", []));

        Assert.Equal(401, failure.Status);
        Assert.Contains(_service.Rejections, r => r.Contains("signature", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_transient_503_is_retried_and_a_lasting_outage_throws_after_the_retries()
    {
        _service.FailNext(2);
        Assert.Equal(202, (await Client(retries: 2).SendToGroupAsync("g", "event", [])).Status);
        Assert.Single(_service.Requests);

        _service.FailNext(3);
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Client(retries: 2).SendToGroupAsync("g", "event", []));
        Assert.Equal(503, failure.Status);
        Assert.Single(_service.Requests);
    }

    [Fact]
    public async Task Another_api_version_is_sent_when_configured()
    {
        _service.ExpectedApiVersion = "2024-12-01";
        var client = new SignalRServiceClient(_service.ConnectionString, "events", new SignalRServiceClientOptions { ApiVersion = "2024-12-01" });

        await client.SendToAllAsync("event", []);

        Assert.Equal("2024-12-01", Assert.Single(_service.Requests).Query["api-version"]);
    }

    [Fact]
    public async Task Bad_arguments_throw_before_anything_is_sent()
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToGroupAsync("", "event", []));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToUserAsync("u", "", []));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToAllAsync("event", [JsonValue.Create(new string('x', 1_000_001))]));
        Assert.Throws<ArgumentException>(() => new SignalRServiceClient(_service.ConnectionString, "1hub"));
        Assert.Empty(_service.Requests);
        Assert.Empty(_service.Rejections);
    }

    [Fact]
    public async Task Entra_client_sends_the_credentials_token_for_the_signalr_scope_and_gets_client_tokens_from_the_service()
    {
        await using var service = await LocalSignalRService.StartAsync(accessKey: null, entraToken: "entra-token-1");
        var credential = new ScopeRecordingCredential("entra-token-1");
        var client = new SignalRServiceClient(new Uri(service.Endpoint), "events", credential, new SignalRServiceClientOptions { Transport = service.Transport() });

        await client.SendToUserAsync("acme:key_1", "event", [JsonValue.Create("x")]);
        var access = await client.GetClientAccessAsync("acme:key_1", TimeSpan.FromSeconds(90));

        Assert.Empty(service.Rejections);
        Assert.Equal(["sendToUser", "generateToken"], service.Requests.Select(r => r.Operation));
        var generate = service.Requests[1];
        Assert.Equal(("acme:key_1", "2"), (generate.User, generate.Query["minutesToExpire"]));
        Assert.Equal("entra-issued.acme:key_1.2", access.AccessToken);
        Assert.Equal(service.ClientUrl("events"), access.Url.ToString());
        Assert.Equal([SignalRServiceClient.EntraScope], credential.Scopes.Distinct());
    }

    private sealed class ScopeRecordingCredential(string token) : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
