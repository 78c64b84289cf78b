using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Reliability;

[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class SecurityProbeTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    /// <summary>
    /// Functions anyone may call (the dashboard is a static page; its data comes from keyed API calls). Every other
    /// HTTP function must refuse a missing or revoked key.
    /// </summary>
    private static readonly HashSet<string> PublicFunctions = new(StringComparer.Ordinal) { "health", "eventTypesList", "eventTypesGet", "dashboard", "dashboardSignalRClient", "openApiDocument" };

    /// <summary>Route values that name something inside the caller's own tenant (a user, a consumer), not another tenant's resource.</summary>
    private static readonly HashSet<string> OwnNamespaceParameters = new(StringComparer.Ordinal) { "userId", "name" };

    [Fact]
    public async Task Every_endpoint_refuses_other_tenants_missing_and_revoked_keys_without_leaking_tenant_data()
    {
        using var a = await pipeline.CreateTenantAsync("sec-a");
        using var b = await pipeline.CreateTenantAsync("sec-b");
        // The data marker appears only in tenant A's stored data, never in anything tenant B sends, so finding it
        // in a response to B (or to a missing or revoked key) is a leak; ids and filters B sends may be echoed.
        var dataMarker = "datamarker" + Guid.NewGuid().ToString("N");
        var marker = "MarkerA" + Guid.NewGuid().ToString("N");
        var eventId = "sec-" + Guid.NewGuid().ToString("N");
        var posted = EventSamples.CloudEvent(eventId, source: "/src/" + marker, subject: "subj-" + marker,
            data: EventSamples.OrderCreatedData(email: dataMarker + "@example.com"));
        using (var response = await a.Http.PostCloudEventAsync(posted))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        var revokedKey = await CreateRevokedKeyAsync(a.Tenant);
        var (webhookId, webhookSecret) = await CreateWebhookAsync(a, dataMarker);
        await PutAsync(a, "/api/settings/email", new JsonObject { ["adminEmails"] = new JsonArray($"{dataMarker}@example.com") });
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = eventId, ["type"] = "order.created", ["tenant"] = a.Tenant, ["keyId"] = a.KeyId, ["userId"] = "u-sec", ["name"] = "sec-consumer",
        };
        string[] secrets = [dataMarker, a.Key, webhookSecret];
        var probes = 0;
        var leaks = new List<string>();
        var wrongStatus = new List<string>();

        foreach (var endpoint in ApiEndpoint.All(pipeline.Host))
        {
            // Route ids name tenant A's resources: its webhook on webhook routes, its event elsewhere.
            var path = endpoint.Path(name => name == "id" && endpoint.RouteTemplate.StartsWith("webhooks/", StringComparison.Ordinal)
                ? webhookId : values.GetValueOrDefault(name, marker));
            var isPublic = PublicFunctions.Contains(endpoint.Function);
            foreach (var query in endpoint.Method == "GET" ? ["", $"?subject=subj-{marker}", $"?source=/src/{marker}", "?type=order.created"] : new[] { "" })
            {
                foreach (var (who, key) in new[] { ("tenant B", b.Key), ("no key", null), ("revoked key", revokedKey) })
                {
                    var (status, body) = await SendAsync(endpoint, path + query, key, eventId);
                    probes++;
                    if (secrets.Any(s => body.Contains(s, StringComparison.Ordinal)))
                    {
                        leaks.Add($"{who} {endpoint.Method} {path}{query} -> {status}");
                    }
                    if (!isPublic && !Allowed(endpoint, who, status) && !await SameAsForMissingAsync(endpoint, query, key, eventId, status))
                    {
                        wrongStatus.Add($"{who} {endpoint.Method} {path}{query} -> {status}");
                    }
                }
            }
        }

        output.WriteLine($"probes {probes}; leaks {leaks.Count}; unexpected statuses {wrongStatus.Count}");
        Assert.True(leaks.Count == 0, "leaks:\n" + string.Join("\n", leaks));
        Assert.True(wrongStatus.Count == 0, "unexpected statuses:\n" + string.Join("\n", wrongStatus));
    }

    /// <summary>
    /// No key or a revoked key: 401. Another tenant's key: 401 on admin endpoints, 401 or 404 for a resource named in
    /// the route; listings and writes act on that tenant's own data (any non-5xx; the leak check covers them).
    /// </summary>
    private static bool Allowed(ApiEndpoint endpoint, string who, int status)
    {
        if (who != "tenant B")
        {
            return status == 401;
        }
        if (endpoint.RouteTemplate.StartsWith("management/", StringComparison.Ordinal))
        {
            return status == 401;
        }
        // A userId or consumer name is inside the caller's own tenant, so B reaches its own user or consumer of that name.
        if (endpoint.Parameters.Any(p => !OwnNamespaceParameters.Contains(p)))
        {
            return status is 401 or 404;
        }
        return status is > 0 and < 500;
    }

    /// <summary>
    /// A refusal that does not depend on the resource existing (e.g. 422 for a body that is invalid anyway) reveals
    /// nothing: the same request naming a resource that exists nowhere gets the same status.
    /// </summary>
    private async Task<bool> SameAsForMissingAsync(ApiEndpoint endpoint, string query, string? key, string eventId, int status)
    {
        if (status >= 500 || endpoint.Parameters.All(OwnNamespaceParameters.Contains))
        {
            return false;
        }
        var missing = endpoint.Path(name => name == "userId" ? "u-sec" : name == "name" ? "sec-consumer" : "missing-" + Guid.NewGuid().ToString("N"));
        return (await SendAsync(endpoint, missing + query, key, eventId)).Status == status;
    }

    private async Task<(int Status, string Body)> SendAsync(ApiEndpoint endpoint, string pathAndQuery, string? key, string eventId)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), pathAndQuery);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // Writes carry tenant A's event id: tenant B may store its own event with it, never see A's.
            var body = endpoint.RouteTemplate.EndsWith("batch", StringComparison.Ordinal)
                ? new JsonArray(EventSamples.CloudEvent(eventId)).ToJsonString()
                : EventSamples.CloudEvent(eventId).ToJsonString();
            request.Content = EventSamples.Content(body, endpoint.RouteTemplate.EndsWith("batch", StringComparison.Ordinal) ? "application/cloudevents-batch+json" : "application/cloudevents+json");
        }
        using var response = await pipeline.Host.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string Id, string Secret)> CreateWebhookAsync(TenantClient tenant, string marker)
    {
        using var response = await tenant.Http.PostAsJsonAsync("/api/webhooks", new JsonObject
        {
            ["url"] = "http://127.0.0.1:9/hooks/" + marker, ["eventTypes"] = new JsonArray("order.created"), ["description"] = "desc " + marker,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    private static async Task PutAsync(TenantClient tenant, string path, JsonObject body)
    {
        using var response = await tenant.Http.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}");
    }

    private async Task<string> CreateRevokedKeyAsync(string tenant)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, $"/api/management/tenants/{tenant}/keys");
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PipelineFixture.AdminKey);
        using var created = await pipeline.Host.Client.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/management/tenants/{tenant}/keys/{body["keyId"]!.GetValue<string>()}");
        revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PipelineFixture.AdminKey);
        using var revoked = await pipeline.Host.Client.SendAsync(revoke);
        Assert.True(revoked.IsSuccessStatusCode, $"revoke answered {(int)revoked.StatusCode}");
        return body["key"]!.GetValue<string>();
    }
}
