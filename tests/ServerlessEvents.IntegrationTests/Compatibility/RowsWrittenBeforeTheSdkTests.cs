using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Compatibility;

/// <summary>
/// The table layout did not change with the move to Azure.Data.Tables. <c>rows-before-sdk.json</c> holds the rows that
/// the hand-written storage client wrote for one tenant (a key, two events, a webhook subscription and its secret), as
/// the table service returned them, and the API's answers over those rows at the time. Written back as they were, they
/// read back through today's code exactly as then, and an event stored today has the same properties and types.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class RowsWrittenBeforeTheSdkTests(PipelineFixture pipeline)
{
    private static readonly JsonObject Recorded = (JsonObject)JsonNode.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Root, "tests", "ServerlessEvents.IntegrationTests", "Compatibility", "rows-before-sdk.json")))!;

    [Fact]
    public async Task Rows_stored_by_the_previous_client_answer_every_api_read_as_they_did_then()
    {
        await RestoreRecordedRowsAsync();
        using var http = new HttpClient { BaseAddress = new Uri(pipeline.Host.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Recorded["key"]!.GetValue<string>());

        foreach (var (path, then) in Recorded["api"]!.AsObject())
        {
            var now = JsonNode.Parse(await http.GetStringAsync(path));
            Assert.True(JsonNode.DeepEquals(then, now), $"{path} answered\n{now}\ninstead of\n{then}");
        }
    }

    [Fact]
    public async Task An_event_stored_today_has_the_same_properties_and_types_as_one_stored_before()
    {
        using var tenant = await pipeline.CreateTenantAsync("layout");
        using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("layout-ce-1", subject: "orders/1")))
        {
            posted.EnsureSuccessStatusCode();
        }
        var then = RecordedRows("Events").Select(ToEntity).ToList();
        var thenRow = Assert.Single(then, row => row.GetString("Id") == "legacy-ce-1");
        // The recorded event had been published; wait until this one is too, so both rows carry PublishedAt.
        var events = pipeline.Azurite.TableServiceClient.GetTableClient("Events");
        var filter = TableClient.CreateQueryFilter($"Tenant eq {tenant.Tenant} and Id eq {"layout-ce-1"}");
        TableEntity? nowRow = null;
        for (var attempt = 0; attempt < 100 && nowRow?.GetDateTimeOffset("PublishedAt") is null; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            nowRow = null;
            await foreach (var row in events.QueryAsync<TableEntity>(filter))
            {
                Assert.Null(nowRow);
                nowRow = row;
            }
        }
        Assert.NotNull(nowRow);

        Assert.Equal(Shape(thenRow), Shape(nowRow));
        // Since 2026-12 the event row sits at its id-lookup key (the old layout had e|{key} beside a pointer row there).
        Assert.StartsWith("e|", thenRow.RowKey, StringComparison.Ordinal);
        Assert.Equal(EventKeys.EventRowKey("layout-ce-1", EventKeys.EventKey(tenant.Tenant, nowRow.GetString("Source")!, "layout-ce-1")), nowRow.RowKey);
        Assert.EndsWith("|" + nowRow.GetInt32("Shard")!.Value.ToString("D2", CultureInfo.InvariantCulture), nowRow.PartitionKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_of_the_old_layout_is_still_a_duplicate_or_a_conflict_when_posted_again_and_retention_deletes_all_its_rows()
    {
        await RestoreRecordedRowsAsync();
        var tenant = Recorded["tenant"]!.GetValue<string>();
        using var http = new HttpClient { BaseAddress = new Uri(pipeline.Host.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Recorded["key"]!.GetValue<string>());
        var recorded = Recorded["api"]!["/api/events/legacy-ce-1"]!["event"]!.DeepClone().AsObject();

        using (var again = await http.PostAsync("/api/events", new StringContent(recorded.ToJsonString(), Encoding.UTF8, "application/cloudevents+json")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        recorded["subject"] = "orders/other";
        using (var other = await http.PostAsync("/api/events", new StringContent(recorded.ToJsonString(), Encoding.UTF8, "application/cloudevents+json")))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }
        var found = Assert.Single(await pipeline.Host.Services.GetRequiredService<EventLookup>().FindByIdAsync(tenant, "legacy-ce-1"));
        Assert.StartsWith(EventKeys.EventPrefix, found.RowKey, StringComparison.Ordinal);

        await pipeline.Host.Services.GetRequiredService<RetentionSweeper>().SweepTenantAsync(tenant, DateTimeOffset.UtcNow.AddYears(10));

        foreach (var table in new[] { "Events", "EventIndex" })
        {
            var left = new List<string>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey gt {tenant + "|"} and PartitionKey lt {tenant + "}"}");
            await foreach (var row in pipeline.Azurite.TableServiceClient.GetTableClient(table).QueryAsync<TableEntity>(filter))
            {
                // Directory rows of the old type stream stay (they name days, not events).
                if (row.ContainsKey("EventKey") || row.ContainsKey("Id") || row.ContainsKey("Source"))
                {
                    left.Add(row.PartitionKey + " " + row.RowKey);
                }
            }
            Assert.True(left.Count == 0, $"{table} still holds {string.Join(", ", left)}");
        }
    }

    private async Task RestoreRecordedRowsAsync()
    {
        foreach (var (table, rows) in Recorded["tables"]!.AsObject())
        {
            var client = pipeline.Azurite.TableServiceClient.GetTableClient(table);
            await client.CreateIfNotExistsAsync();
            foreach (var row in rows!.AsArray())
            {
                await client.UpsertEntityAsync(ToEntity(row!.AsObject()), TableUpdateMode.Replace);
            }
        }
    }

    private static IEnumerable<JsonObject> RecordedRows(string table) => Recorded["tables"]![table]!.AsArray().Select(r => r!.AsObject());

    /// <summary>An entity from the table service's JSON, honouring its <c>@odata.type</c> annotations.</summary>
    private static TableEntity ToEntity(JsonObject row)
    {
        var entity = new TableEntity(row["PartitionKey"]!.GetValue<string>(), row["RowKey"]!.GetValue<string>());
        foreach (var (name, value) in row)
        {
            if (name is "PartitionKey" or "RowKey" || name.EndsWith("@odata.type", StringComparison.Ordinal) || value is null) continue;
            var edm = row[name + "@odata.type"]?.GetValue<string>();
            entity[name] = (edm, value.GetValueKind()) switch
            {
                ("Edm.DateTime", _) => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                ("Edm.Binary", _) => Convert.FromBase64String(value.GetValue<string>()),
                ("Edm.Int64", _) => long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                ("Edm.Guid", _) => Guid.Parse(value.GetValue<string>()),
                (null, System.Text.Json.JsonValueKind.Number) when value.AsValue().TryGetValue<int>(out var i) => i,
                (null, System.Text.Json.JsonValueKind.Number) => value.GetValue<double>(),
                (null, System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False) => value.GetValue<bool>(),
                (null, System.Text.Json.JsonValueKind.String) => value.GetValue<string>(),
                _ => throw new InvalidOperationException($"{name}: {edm} {value.GetValueKind()} is not a table property"),
            };
        }
        return entity;
    }

    private static string Shape(TableEntity entity) => string.Join(", ", entity
        .Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => p.Key + ":" + p.Value switch { byte[] or BinaryData => "binary", DateTimeOffset or DateTime => "datetime", var v => v?.GetType().Name }));
}
