using System.Net;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using ServerlessEvents.Emulators.SignalR;

namespace ServerlessEvents.IntegrationTests.Realtime;

[Collection(LiveEventGridCollection.Name)]
public sealed class NegotiateTests(LiveEventGridFixture pipeline)
{
    private LocalSignalRService SignalR => pipeline.SignalR;

    private async Task<HttpResponseMessage> NegotiateAsync(string? key, params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient { BaseAddress = new Uri(pipeline.Host.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/negotiate") { Content = new StringContent("") };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return await client.SendAsync(request);
    }

    private IReadOnlyList<SignalRRequest> GroupJoins(string user) =>
        SignalR.Requests.Where(r => r.Operation == "addUserToGroup" && r.User == user).ToArray();

    [Fact]
    public async Task The_key_alone_gets_the_client_url_and_a_token_for_the_keys_user_who_joins_the_tenant_group()
    {
        using var tenant = await pipeline.CreateTenantAsync("n");
        var user = tenant.Tenant + ":" + tenant.KeyId;

        using var response = await NegotiateAsync(tenant.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["url", "accessToken"], body.Select(p => p.Key));
        var url = body["url"]!.GetValue<string>();
        Assert.Equal(SignalR.ClientUrl(), url);
        var (token, problem) = await SignalRTokens.ValidateAsync(body["accessToken"]!.GetValue<string>(), LocalSignalRService.DefaultAccessKey, url);
        Assert.True(problem is null, problem);
        Assert.Equal(user, token!.GetClaim("nameid").Value);
        Assert.InRange(token.ValidTo, DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
        var join = Assert.Single(GroupJoins(user));
        Assert.Equal(("events", "tenant-" + tenant.Tenant), (join.Hub, join.Group));
        Assert.Empty(SignalR.Rejections);
    }

    [Fact]
    public async Task Forged_user_and_tenant_headers_change_nothing()
    {
        using var tenant = await pipeline.CreateTenantAsync("n");
        using var victim = await pipeline.CreateTenantAsync("v");
        var user = tenant.Tenant + ":" + tenant.KeyId;

        using var response = await NegotiateAsync(tenant.Key,
            ("x-serverlessevents-user", victim.Tenant + ":admin"), ("x-serverlessevents-tenant", victim.Tenant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (token, problem) = await SignalRTokens.ValidateAsync(body["accessToken"]!.GetValue<string>(), LocalSignalRService.DefaultAccessKey, SignalR.ClientUrl());
        Assert.True(problem is null, problem);
        Assert.Equal(user, token!.GetClaim("nameid").Value);
        Assert.Equal("tenant-" + tenant.Tenant, Assert.Single(GroupJoins(user)).Group);
        Assert.DoesNotContain(SignalR.Requests, r => (r.User ?? "").Contains(victim.Tenant, StringComparison.Ordinal) || (r.Group ?? "").Contains(victim.Tenant, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_missing_or_admin_key_gets_401_problem_and_no_token_and_no_group_action()
    {
        var before = SignalR.Requests.Count;

        using var wrong = await NegotiateAsync("sek_not-a-real-key");
        using var missing = await NegotiateAsync(null, ("x-serverlessevents-user", "t:u1"));
        using var admin = await NegotiateAsync(PipelineFixture.AdminKey);

        foreach (var response in new[] { wrong, missing, admin })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, SignalR.Requests.Count);
    }

    [Fact]
    public async Task SignalR_outage_gets_503_problem_with_retry_after_and_no_token()
    {
        using var tenant = await pipeline.CreateTenantAsync("n");
        SignalR.FailNext(3);

        using var response = await NegotiateAsync(tenant.Key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(GroupJoins(tenant.Tenant + ":" + tenant.KeyId));
    }
}
