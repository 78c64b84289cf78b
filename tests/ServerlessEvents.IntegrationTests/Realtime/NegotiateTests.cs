using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Realtime;

[Collection(LiveEventGridCollection.Name)]
public sealed class NegotiateTests(LiveEventGridFixture pipeline)
{
    private IReadOnlyList<JsonNode> GroupActionsFor(string signalRUser) => pipeline.Host.SignalROutputs
        .Where(o => o.Function == "negotiate" && o.Item["userId"]?.GetValue<string>() == signalRUser).Select(o => o.Item).ToArray();

    private async Task<HttpResponseMessage> NegotiateAsync(string? key, string? user)
    {
        using var client = new HttpClient { BaseAddress = new Uri(pipeline.Host.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/negotiate") { Content = new StringContent("") };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        if (user is not null)
        {
            request.Headers.Add("x-serverlessevents-user", user);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Valid_key_gets_the_bindings_connection_info_and_joins_the_user_to_the_tenant_group()
    {
        using var tenant = await pipeline.CreateTenantAsync("n");
        var user = tenant.Tenant + ":u1";

        using var response = await NegotiateAsync(tenant.Key, user);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("https://signalr.test/client/?hub=events", info["url"]!.GetValue<string>());
        Assert.Equal("test-token-for-" + user, info["accessToken"]!.GetValue<string>());
        var action = Assert.Single(GroupActionsFor(user));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["action"] = "add", ["groupName"] = "tenant-" + tenant.Tenant, ["userId"] = user }, action), action.ToJsonString());
    }

    [Fact]
    public async Task Wrong_or_missing_key_gets_401_and_no_token_and_no_group_action()
    {
        using var tenant = await pipeline.CreateTenantAsync("n");
        var user = tenant.Tenant + ":intruder";

        using var wrong = await NegotiateAsync("sek_not-a-real-key", user);
        using var missing = await NegotiateAsync(null, user);

        foreach (var response in new[] { wrong, missing })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(GroupActionsFor(user));
    }

    [Fact]
    public async Task A_key_cannot_vouch_for_another_tenants_user()
    {
        using var a = await pipeline.CreateTenantAsync("na");
        using var b = await pipeline.CreateTenantAsync("nb");
        var userOfA = a.Tenant + ":u1";

        using var response = await NegotiateAsync(b.Key, userOfA);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(GroupActionsFor(userOfA));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("u1")]
    public async Task Missing_or_unnamespaced_user_id_gets_400(string? userHeader)
    {
        using var tenant = await pipeline.CreateTenantAsync("n");

        using var response = await NegotiateAsync(tenant.Key, userHeader);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
