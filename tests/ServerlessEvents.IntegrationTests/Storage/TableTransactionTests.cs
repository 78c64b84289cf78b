using Azure;
using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.TableServiceClient.GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static TableTransactionAction Add(string rowKey) =>
        new(TableTransactionActionType.Add, new TableEntity("p", rowKey) { ["V"] = rowKey });

    [Fact]
    public async Task A_100_action_transaction_stores_everything_and_returns_an_etag_per_action()
    {
        var table = await NewTableAsync();

        var result = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add($"r{i:D3}")));

        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.All(result.Value, r => Assert.NotNull(r.Headers.ETag));
        Assert.Equal(100, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task A_conflict_at_action_57_fails_the_whole_transaction_and_reports_index_57_with_409()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r057") { ["V"] = "existing" });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(
            () => table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add($"r{i:D3}"))));

        Assert.Equal(57, ex.FailedTransactionActionIndex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.IsAssignableFrom<RequestFailedException>(ex);
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("existing", Assert.Single(stored).GetString("V"));
    }

    [Fact]
    public async Task Mixed_actions_apply_merge_replace_upsert_and_delete_semantics()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = "b" });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        var etag = (await table.GetEntityAsync<TableEntity>("p", "merge")).Value.ETag;

        await table.SubmitTransactionAsync([
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["A"] = "a2" }, etag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["C"] = "c" }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert-merge") { ["A"] = "new" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert-replace") { ["A"] = "new" }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ]);

        var merged = (await table.GetEntityAsync<TableEntity>("p", "merge")).Value;
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "replace")).Value;
        Assert.Equal(("a2", "b"), (merged.GetString("A"), merged.GetString("B")));
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal("c", replaced.GetString("C"));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "upsert-merge")).HasValue);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "upsert-replace")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "delete")).HasValue);
    }

    [Fact]
    public async Task A_stale_etag_in_a_transaction_fails_with_412_at_its_index()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "x") { ["V"] = 1 });
        var stale = (await table.GetEntityAsync<TableEntity>("p", "x")).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "x") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync([
            Add("a"),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "x") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Equal(412, ex.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "a")).HasValue);
    }

    [Fact]
    public async Task More_than_100_actions_are_rejected_before_sending()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add($"r{i}"))));
    }
}
