using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
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
        Assert.StartsWith("e|", nowRow.RowKey, StringComparison.Ordinal);
        Assert.EndsWith("|" + nowRow.GetInt32("Shard")!.Value.ToString("D2", CultureInfo.InvariantCulture), nowRow.PartitionKey, StringComparison.Ordinal);
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
