using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>Stored once, published at least once, never lost: through the host double, Azurite and the loopback topic.</summary>
[Collection(PipelineCollection.Name)]
public sealed class IngestionGuaranteeTests(PipelineFixture pipeline)
{
    private static async Task<int> CountAsync(TenantClient tenant, string query = "")
    {
        var total = 0;
        string? token = null;
        do
        {
            var url = "/api/events?limit=1000" + query + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = (await tenant.Http.GetFromJsonAsync<JsonObject>(url))!;
            total += page["count"]!.GetValue<int>();
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return total;
    }

    [Fact]
    public async Task Fifty_concurrent_posts_of_one_event_store_one_copy_and_publish_it_once()
    {
        using var tenant = await pipeline.CreateTenantAsync("race");
        var e = EventSamples.CloudEvent("race-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await tenant.Http.PostCloudEventAsync(e);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.True(status is HttpStatusCode.Accepted or HttpStatusCode.OK, status.ToString()));
        Assert.Single(responses, status => status == HttpStatusCode.Accepted);
        Assert.Equal(1, await CountAsync(tenant));
        Assert.Single(pipeline.EventGrid.Events, x => x["id"]!.GetValue<string>() == "race-1" && x["tenantid"]!.GetValue<string>() == tenant.Tenant);
    }

    [Fact]
    public async Task With_the_broker_down_requests_succeed_and_the_sweeper_publishes_everything_later()
    {
        using var tenant = await pipeline.CreateTenantAsync("outage");
        var ids = Enumerable.Range(0, 40).Select(i => $"outage-{i}").ToArray();
        pipeline.EventGrid.Available = false;
        try
        {
            foreach (var id in ids)
            {
                using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
            var pending = (await tenant.Http.GetFromJsonAsync<JsonObject>("/api/events/outage-0"))!;
            Assert.Equal("pending", pending["publication"]!["status"]!.GetValue<string>());
            var failedSweep = await pipeline.Host.RunTimerAsync("outboxSweeper");
            Assert.False(failedSweep.Succeeded);
        }
        finally
        {
            pipeline.EventGrid.Available = true;
        }

        var sweep = await pipeline.Host.RunTimerAsync("outboxSweeper");

        Assert.True(sweep.Succeeded);
        var published = pipeline.EventGrid.Events.Where(x => x["tenantid"]?.GetValue<string>() == tenant.Tenant).Select(x => x["id"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(ids.ToHashSet(), published);
        var after = (await tenant.Http.GetFromJsonAsync<JsonObject>("/api/events/outage-39"))!;
        Assert.Equal("published", after["publication"]!["status"]!.GetValue<string>());
        Assert.Equal(40, await CountAsync(tenant));
    }

    [Fact]
    public async Task Tenants_cannot_see_each_others_events_and_revoked_keys_are_refused()
    {
        using var a = await pipeline.CreateTenantAsync("iso");
        using var b = await pipeline.CreateTenantAsync("iso");
        using (var posted = await a.Http.PostCloudEventAsync(EventSamples.CloudEvent("secret-1", subject: "a-only")))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        using var byId = await b.Http.GetAsync("/api/events/secret-1");
        var byQuery = (await b.Http.GetFromJsonAsync<JsonObject>("/api/events?subject=a-only"))!;
        using var anonymous = await pipeline.Host.Client.GetAsync("/api/events/secret-1");
        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/management/tenants/{a.Tenant}/keys/{a.KeyId}");
        revoke.Headers.Authorization = new("Bearer", PipelineFixture.AdminKey);
        using var revoked = await pipeline.Host.Client.SendAsync(revoke);
        using var afterRevoke = await a.Http.GetAsync("/api/events/secret-1");
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        wrongKey.Headers.Add("x-api-key", "sek_not-a-real-key");
        using var wrong = await pipeline.Host.Client.SendAsync(wrongKey);

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.DoesNotContain("a-only", await byId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, byQuery["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_mixed_batch_stores_its_valid_items_and_reports_each_invalid_one()
    {
        using var tenant = await pipeline.CreateTenantAsync("mixed");
        var good1 = EventSamples.CloudEvent("mix-1");
        var badTime = EventSamples.CloudEvent("mix-2", time: "not-a-time");
        var good2 = EventSamples.CloudEvent("mix-3", type: "user.created", data: EventSamples.DataFor("user.created"));
        var unknown = EventSamples.CloudEvent("mix-4", type: "nope.nope");

        using var response = await tenant.Http.PostBatchAsync([good1, badTime, good2, unknown, good1]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var items = body["items"]!.AsArray();
        Assert.Equal(["accepted", "rejected", "accepted", "rejected", "duplicate"], items.Select(i => i!["status"]!.GetValue<string>()).ToArray());
        Assert.Contains(items[1]!["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "time");
        Assert.Contains(items[3]!["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "type");
        Assert.Equal(2, await CountAsync(tenant));
    }
}
