using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.TableServiceClient.GetTableClient(azurite.UniqueName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Filter_select_and_top_shape_the_results()
    {
        var table = await NewTableAsync();
        await TableTestData.InsertAsync(table, "p", 20, i => new TableEntity("p", $"r{i:D2}") { ["N"] = i, ["Kind"] = i % 2 == 0 ? "even" : "odd", ["Extra"] = "x" });

        var filter = TableClient.CreateQueryFilter($"Kind eq {"even"} and N ge {10}");
        var all = await table.QueryAsync<TableEntity>(filter, select: ["N"]).ToListAsync();
        var firstPage = await table.QueryAsync<TableEntity>(filter, maxPerPage: 2).AsPages().FirstAsync();

        Assert.Equal([10, 12, 14, 16, 18], all.Select(e => e.GetInt32("N")!.Value));
        Assert.All(all, e => Assert.False(e.ContainsKey("Kind")));
        Assert.All(all, e => Assert.False(e.ContainsKey("Extra")));
        Assert.Equal(2, firstPage.Values.Count);
        Assert.NotNull(firstPage.ContinuationToken);
    }

    [Fact]
    public async Task Query_follows_continuation_across_more_than_1000_entities()
    {
        var table = await NewTableAsync();
        await TableTestData.InsertAsync(table, "a", 700);
        await TableTestData.InsertAsync(table, "b", 550);

        var count = 0;
        var pages = 0;
        await foreach (var page in table.QueryAsync<TableEntity>().AsPages())
        {
            pages++;
            count += page.Values.Count;
        }
        var enumerated = await table.QueryAsync<TableEntity>().CountAsync();

        Assert.Equal(1250, count);
        Assert.Equal(1250, enumerated);
        Assert.True(pages >= 2, $"expected at least two pages, got {pages}");
    }

    [Fact]
    public async Task Paging_resumes_from_a_continuation_token_without_gaps_or_repeats()
    {
        var table = await NewTableAsync();
        await TableTestData.InsertAsync(table, "p", 25);

        var first = await table.QueryAsync<TableEntity>(maxPerPage: 10).AsPages().FirstAsync();
        var rest = new List<string>();
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 10).AsPages(first.ContinuationToken))
        {
            rest.AddRange(page.Values.Select(e => e.RowKey));
        }

        var keys = first.Values.Select(e => e.RowKey).Concat(rest).ToList();
        Assert.Equal(10, first.Values.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)), keys);
    }

    [Fact]
    public async Task Filter_on_a_string_containing_a_single_quote_matches_exactly()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "1") { ["Name"] = "O'Brien" });
        await table.AddEntityAsync(new TableEntity("p", "2") { ["Name"] = "OBrien" });
        await table.AddEntityAsync(new TableEntity("p", "3") { ["Name"] = "O''Brien" });

        var matches = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {"O'Brien"}")).ToListAsync();

        Assert.Equal("1", Assert.Single(matches).RowKey);
    }

    [Fact]
    public async Task Typed_filter_literals_match_long_guid_datetime_and_bool_values()
    {
        var table = await NewTableAsync();
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        await table.AddEntityAsync(new TableEntity("p", "hit") { ["Big"] = 9_007_199_254_740_993L, ["Id"] = id, ["When"] = when, ["On"] = true });
        await table.AddEntityAsync(new TableEntity("p", "miss") { ["Big"] = 1L, ["Id"] = Guid.NewGuid(), ["When"] = when.AddDays(-1), ["On"] = false });

        var filter = TableClient.CreateQueryFilter($"Big eq {9_007_199_254_740_993L} and Id eq {id} and When ge {when} and On eq {true}");
        var matches = await table.QueryAsync<TableEntity>(filter).ToListAsync();

        Assert.Equal("hit", Assert.Single(matches).RowKey);
    }

    [Fact]
    public async Task Query_of_an_empty_result_yields_nothing()
    {
        var table = await NewTableAsync();

        var matches = await table.QueryAsync<TableEntity>("PartitionKey eq 'nobody'").ToListAsync();

        Assert.Empty(matches);
    }
}
