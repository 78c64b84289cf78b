using Azure;
using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableEntityCrudTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.TableServiceClient.GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Added_entity_can_be_read_back_with_its_etag()
    {
        var table = await NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "first" });

        var read = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("first", read.Value.GetString("Name"));
        Assert.NotEqual(default, read.Value.ETag);
        Assert.Equal(added.Headers.ETag, read.Value.ETag);
        Assert.NotNull(read.Value.Timestamp);
    }

    [Fact]
    public async Task Adding_an_existing_key_fails_with_409_EntityAlreadyExists()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task Upsert_merge_keeps_unsent_properties_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("a2", merged.GetString("A"));
        Assert.Equal("b", merged.GetString("B"));
        Assert.False(replaced.ContainsKey("A"));
        Assert.False(replaced.ContainsKey("B"));
        Assert.Equal("c", replaced.GetString("C"));
    }

    [Fact]
    public async Task Update_with_current_etag_succeeds_and_the_stale_etag_then_fails_with_412()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var original = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        original["V"] = 2;
        var updated = await table.UpdateEntityAsync(original, original.ETag, TableUpdateMode.Replace);
        original["V"] = 3;
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(original, original.ETag));

        Assert.NotEqual(original.ETag, updated.Headers.ETag);
        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task Update_of_a_missing_entity_fails_with_404()
    {
        var table = await NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "none"), ETag.All));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task Get_if_exists_reports_missing_and_present_entities()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "present") { ["X"] = "x" });

        var missing = await table.GetEntityIfExistsAsync<TableEntity>("p", "absent");
        var present = await table.GetEntityIfExistsAsync<TableEntity>("p", "present", select: ["X"]);

        Assert.False(missing.HasValue);
        Assert.Equal(404, missing.GetRawResponse().Status);
        Assert.True(present.HasValue);
        Assert.Equal("x", present.Value!.GetString("X"));
    }

    [Fact]
    public async Task Get_of_a_missing_entity_throws_404()
    {
        var table = await NewTableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "absent"));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task Delete_removes_the_entity_and_deleting_again_is_not_an_error()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var first = await table.DeleteEntityAsync("p", "r");
        var second = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(204, first.Status);
        Assert.Equal(404, second.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_with_412_and_keeps_the_entity()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var stale = (await table.GetEntityAsync<TableEntity>("p", "r")).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));

        Assert.Equal(412, ex.Status);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Theory]
    [InlineData("O'Brien", "it's")]
    [InlineData("ünïcødé 日本", "a b%20c+d")]
    [InlineData("''", "(x)=y,z")]
    public async Task Keys_with_quotes_spaces_and_unicode_round_trip(string partitionKey, string rowKey)
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = "ok" });

        var read = await table.GetEntityAsync<TableEntity>(partitionKey, rowKey);
        await table.UpdateEntityAsync(read.Value, read.Value.ETag);
        await table.DeleteEntityAsync(partitionKey, rowKey);

        Assert.Equal(partitionKey, read.Value.PartitionKey);
        Assert.Equal(rowKey, read.Value.RowKey);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey)).HasValue);
    }
}
