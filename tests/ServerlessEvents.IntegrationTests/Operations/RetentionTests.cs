using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

[Collection(OperationsCollection.Name)]
public sealed class RetentionTests(OperationsFixture pipeline)
{
    private T Service<T>() where T : notnull => pipeline.Host.Services.GetRequiredService<T>();

    private async Task<List<TableEntity>> TenantRowsAsync(string table, string tenant)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {tenant + "|"} and PartitionKey lt {tenant + "}"}");
        await foreach (var row in Service<TableServiceClient>().GetTableClient(table).QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task Retention_deletes_old_events_with_everything_hanging_off_them_keeps_unpublished_ones_and_resumes_after_a_crash()
    {
        using var tenant = await pipeline.CreateTenantAsync("rt");
        using (var put = await tenant.Http.PutAsJsonAsync("/api/settings/retention", new JsonObject { ["days"] = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.False((await put.Content.ReadFromJsonAsync<JsonObject>())!["isDefault"]!.GetValue<bool>());
        }
        var old = Enumerable.Range(0, 150).Select(i => $"old-{i}").ToArray();
        using (var response = await tenant.Http.PostBatchAsync(old.Select(id => EventSamples.CloudEvent(id))))
        {
            Assert.Equal(150, (await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        }
        pipeline.EventGrid.Available = false;
        try
        {
            using var unpublished = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("unpublished-1"));
            Assert.Equal(HttpStatusCode.Accepted, unpublished.StatusCode);
        }
        finally
        {
            pipeline.EventGrid.Available = true;
        }
        await Task.Delay(50);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var recent = new[] { "new-1", "new-2" };
        using (var response = await tenant.Http.PostBatchAsync(recent.Select(id => EventSamples.CloudEvent(id))))
        {
            response.EnsureSuccessStatusCode();
        }
        var sweeper = Service<RetentionSweeper>();
        var store = Service<RetentionStore>();
        var asOf = cutoff.AddDays(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweeper.SweepTenantAsync(tenant.Tenant, asOf, pipeline.Retention.CrashAfter(60)));
        var afterCrash = await store.GetCheckpointAsync(tenant.Tenant, RetentionStore.FeedStream);
        Assert.NotEqual("", afterCrash);
        // Reports come per batch of 25, and the crash is noticed at the next event: 76 of 150 deleted.
        Assert.InRange(pipeline.Retention.Deleted(tenant.Tenant, "events"), 60, 149);
        await sweeper.SweepTenantAsync(tenant.Tenant, asOf);
        var afterRerun = await store.GetCheckpointAsync(tenant.Tenant, RetentionStore.FeedStream);

        Assert.True(string.CompareOrdinal(afterRerun, afterCrash) > 0, "the checkpoint advanced past the crash point");
        Assert.Equal(150, pipeline.Retention.Deleted(tenant.Tenant, "events"));
        var remaining = new[] { "unpublished-1", "new-1", "new-2" };
        var remainingKeys = remaining.Select(id => EventKeys.EventKey(tenant.Tenant, "/tests/shop", id)).ToHashSet();
        var events = await TenantRowsAsync(TableNames.Events, tenant.Tenant);
        Assert.Equal(remaining.Order(), events.Where(r => r.RowKey.StartsWith(EventKeys.IdPrefix, StringComparison.Ordinal)).Select(r => r.GetString("Id")).Order());
        Assert.All(events, r => Assert.Contains(r.RowKey.Split('|')[^1], remainingKeys));
        var indexRows = (await TenantRowsAsync(TableNames.EventIndex, tenant.Tenant)).Where(r => r.ContainsKey("EventKey")).ToList();
        Assert.All(indexRows, r => Assert.Contains(r.GetString("EventKey")!, remainingKeys));
        // Each remaining event keeps its all-events row and its feed row (there is no type stream any more).
        Assert.Equal(6, indexRows.Count);
        using var listing = await tenant.Http.GetAsync("/api/events?limit=1000");
        var listed = (await listing.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>());
        Assert.Equal(remaining.Order(), listed.Order());
        using var gone = await tenant.Http.GetAsync("/api/events/old-7");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var metrics = await tenant.Http.GetStringAsync("/api/metrics");
        Assert.Contains("serverlessevents_retention_deleted_total{tenant=\"" + tenant.Tenant + "\",kind=\"events\"} 150", metrics);
    }

    [Fact]
    public async Task Retention_timer_runs_for_every_tenant_and_keeps_recent_events()
    {
        using var tenant = await pipeline.CreateTenantAsync("rt");
        using (var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("kept-1")))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        var outcome = await pipeline.Host.RunTimerAsync("retentionSweeper");

        Assert.True(outcome.Succeeded);
        using var kept = await tenant.Http.GetAsync("/api/events/kept-1");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        using var settings = await tenant.Http.GetAsync("/api/settings/retention");
        var body = (await settings.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(30, body["days"]!.GetValue<int>());
        Assert.True(body["isDefault"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{\"days\":0}")]
    [InlineData("{\"days\":\"ten\"}")]
    [InlineData("[]")]
    public async Task Invalid_retention_periods_are_400(string body)
    {
        using var tenant = await pipeline.CreateTenantAsync("rt");
        using var response = await tenant.Http.PutAsync("/api/settings/retention", EventSamples.Content(body, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Retention_also_deletes_old_webhook_deliveries_and_notifications()
    {
        using var tenant = await pipeline.CreateTenantAsync("rt");
        using (var put = await tenant.Http.PutAsJsonAsync("/api/settings/retention", new JsonObject { ["days"] = 1 }))
        {
            put.EnsureSuccessStatusCode();
        }
        await using var receiver = await ServerlessEvents.IntegrationTests.Webhooks.ScriptedReceiver.AlwaysAsync(200);
        var (subscription, _) = await ServerlessEvents.IntegrationTests.Webhooks.WebhookApi.CreateAsync(tenant, receiver.Url("/r"), ["order.*"]);
        using (pipeline.SubscribersConnected())
        {
            using var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("with-children"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        var notifications = Service<TableServiceClient>().GetTableClient(TableNames.Notifications);
        var deliveries = Service<TableServiceClient>().GetTableClient(TableNames.WebhookDeliveries);
        async Task<int> CountAsync(TableClient table, string partitionPrefix)
        {
            var count = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {partitionPrefix} and PartitionKey lt {partitionPrefix + "~"}")))
            {
                count++;
            }
            return count;
        }
        await ServerlessEvents.IntegrationTests.Webhooks.WebhookApi.WaitUntilAsync(async () =>
            (await ServerlessEvents.IntegrationTests.Webhooks.WebhookApi.DeliveriesAsync(tenant, subscription, "?status=delivered")).Count == 1
            && await CountAsync(notifications, tenant.Tenant + "|") > 0, "the delivery and the notification");

        await Service<RetentionSweeper>().SweepTenantAsync(tenant.Tenant, DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1));

        Assert.Equal(1, pipeline.Retention.Deleted(tenant.Tenant, "events"));
        Assert.Equal(1, pipeline.Retention.Deleted(tenant.Tenant, "webhookDeliveries"));
        Assert.Equal(1, pipeline.Retention.Deleted(tenant.Tenant, "notifications"));
        Assert.Equal(0, await CountAsync(notifications, tenant.Tenant + "|"));
        Assert.Equal(0, await CountAsync(deliveries, tenant.Tenant + "|" + subscription));
        Assert.Empty(await ServerlessEvents.IntegrationTests.Webhooks.WebhookApi.DeliveriesAsync(tenant, subscription));
    }
}
