using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Notifications;

[Collection(NotifyPipelineCollection.Name)]
public sealed class PreferencesApiTests(NotifyPipelineFixture pipeline)
{
    private static Task<HttpResponseMessage> PutAsync(TenantClient tenant, string user, string body) =>
        tenant.Http.PutAsync($"/api/users/{user}/preferences", EventSamples.Content(body, "application/json"));

    private static async Task<JsonObject> GetAsync(TenantClient tenant, string user)
    {
        using var response = await tenant.Http.GetAsync($"/api/users/{user}/preferences");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["preferences"]!.AsObject();
    }

    [Fact]
    public async Task Preferences_default_to_allowed_and_are_kept_per_tenant()
    {
        using var owner = await pipeline.CreateTenantAsync();
        using var other = await pipeline.CreateTenantAsync();

        using (var put = await PutAsync(owner, "u-p", """{"preferences":{"user.created":{"email":false}}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var mine = await GetAsync(owner, "u-p");
        var theirs = await GetAsync(other, "u-p");
        Assert.False(mine["user.created"]!["email"]!.GetValue<bool>());
        Assert.True(mine["user.created"]!["inApp"]!.GetValue<bool>());
        Assert.True(mine["order.shipped"]!["email"]!.GetValue<bool>());
        Assert.True(theirs["user.created"]!["email"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"preferences":{"no.such":{"email":false}}}""", "preferences.no.such")]
    [InlineData("""{"preferences":{"order.shipped":{"sms":false}}}""", "preferences.order.shipped.sms")]
    [InlineData("""{"preferences":{"order.shipped":{"email":"no"}}}""", "preferences.order.shipped.email")]
    [InlineData("""{"preferences":{"order.shipped":true}}""", "preferences.order.shipped")]
    [InlineData("""{"prefs":{}}""", "preferences")]
    public async Task Invalid_preferences_are_refused_with_422_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        using var tenant = await pipeline.CreateTenantAsync();

        using var response = await PutAsync(tenant, "u-bad", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
        var stored = await GetAsync(tenant, "u-bad");
        Assert.All(stored, t => Assert.True(t.Value!["email"]!.GetValue<bool>() && t.Value!["inApp"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var tenant = await pipeline.CreateTenantAsync();

        using var response = await PutAsync(tenant, "u-bad", "{\"preferences\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
