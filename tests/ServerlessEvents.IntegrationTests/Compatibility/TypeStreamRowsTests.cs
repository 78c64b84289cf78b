using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.IntegrationTests.Operations;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Compatibility;

/// <summary>
/// Versions before 2026-12 wrote a second index row per event, in a per-type stream (<c>{tenant}|y|{type}|{day}|{shard}</c>,
/// with its directory <c>{tenant}|d|y|{type}</c>). Tenants whose history holds such rows still list by type exactly
/// (each event once, from the all-events stream), and retention deletes those rows with their events.
/// (<see cref="RowsWrittenBeforeTheSdkTests"/> replays a type query over rows recorded from an old version.)
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class TypeStreamRowsTests(OperationsFixture pipeline)
{
    private TableClient Index => pipeline.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.EventIndex);

    private async Task<List<TableEntity>> RowsAsync(string partitionPrefix)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {partitionPrefix} and PartitionKey lt {partitionPrefix + "~"}")))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Writes, for every all-events row of the tenant, the type-stream row and directory row the old writer wrote beside it.</summary>
    private async Task AddOldTypeStreamRowsAsync(string tenant)
    {
        foreach (var row in await RowsAsync(tenant + "|t|"))
        {
            var parts = row.PartitionKey.Split('|');
            var (hour, shard, type) = (parts[2], parts[3], row.GetString("Type")!);
            var copy = new TableEntity(row) { PartitionKey = $"{tenant}|y|{type}|{hour[..8]}|{shard}", RowKey = row.RowKey };
            await Index.UpsertEntityAsync(copy, TableUpdateMode.Replace);
            await Index.UpsertEntityAsync(new TableEntity($"{tenant}|d|y|{type}", hour[..8]), TableUpdateMode.Replace);
        }
    }

    [Fact]
    public async Task Type_queries_list_each_event_once_and_retention_deletes_the_old_type_rows_with_their_events()
    {
        using var tenant = await pipeline.CreateTenantAsync("ys");
        using (var put = await tenant.Http.PutAsJsonAsync("/api/settings/retention", new JsonObject { ["days"] = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var orders = Enumerable.Range(0, 6).Select(i => EventSamples.CloudEvent($"ys-order-{i}")).ToList();
        var users = Enumerable.Range(0, 4).Select(i => EventSamples.CloudEvent($"ys-user-{i}", "user.created", EventSamples.DataFor("user.created", $"ys-user-{i}"))).ToList();
        using (var response = await tenant.Http.PostBatchAsync(orders.Concat(users)))
        {
            Assert.Equal(10, (await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        }
        Assert.Empty(await RowsAsync(tenant.Tenant + "|y|"));
        await AddOldTypeStreamRowsAsync(tenant.Tenant);
        Assert.Equal(10, (await RowsAsync(tenant.Tenant + "|y|")).Count);

        foreach (var (type, expected) in new[] { ("order.created", 6), ("user.created", 4), ("user.*", 4), ("order.*", 6) })
        {
            var page = (await tenant.Http.GetFromJsonAsync<JsonObject>($"/api/events?limit=100&type={type}"))!;
            var ids = page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToArray();
            Assert.Equal(expected, ids.Length);
            Assert.Equal(ids.Length, ids.Distinct().Count());
        }

        await pipeline.Host.Services.GetRequiredService<RetentionSweeper>().SweepTenantAsync(tenant.Tenant, DateTimeOffset.UtcNow.AddDays(2));

        Assert.Equal(10, pipeline.Retention.Deleted(tenant.Tenant, "events"));
        Assert.DoesNotContain(await RowsAsync(tenant.Tenant + "|y|"), r => r.ContainsKey("EventKey"));
        Assert.Empty(await RowsAsync(tenant.Tenant + "|t|"));
        var listing = (await tenant.Http.GetFromJsonAsync<JsonObject>("/api/events?limit=100&type=user.created"))!;
        Assert.Empty(listing["items"]!.AsArray());
    }
}
