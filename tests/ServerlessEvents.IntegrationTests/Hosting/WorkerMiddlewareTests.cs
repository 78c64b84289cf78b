using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>The worker's cross-cutting middleware, seen from a caller: authentication before the function, problem answers after it.</summary>
[Collection(PipelineCollection.Name)]
public sealed class WorkerMiddlewareTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task A_function_that_requires_the_administrator_answers_401_problem_without_a_key_and_never_runs()
    {
        var tenant = "mw-" + Guid.NewGuid().ToString("N")[..12];
        using var response = await pipeline.Host.Client.PostAsync($"/api/management/tenants/{tenant}/keys", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Contains("Authorization: Bearer", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // The function did not run: no key exists for the tenant, so a revoke of any key id is 404.
        using var revoke = Admin(HttpMethod.Delete, $"/api/management/tenants/{tenant}/keys/key_0");
        using var revoked = await pipeline.Host.Client.SendAsync(revoke);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task A_tenant_key_is_not_the_administrator_key()
    {
        var tenant = await pipeline.CreateTenantAsync("mw");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/management/tenants/{tenant.Tenant}/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);

        using var response = await pipeline.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_exception_of_the_function_becomes_its_problem_answer_with_the_field_that_is_wrong()
    {
        using var request = Admin(HttpMethod.Post, "/api/management/tenants/Not_Valid!/keys");

        using var response = await pipeline.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("tenant", problem["errors"]![0]!["field"]!.GetValue<string>());
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PipelineFixture.AdminKey);
        return request;
    }
}
