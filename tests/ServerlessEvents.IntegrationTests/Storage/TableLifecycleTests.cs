using Azure;
using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableLifecycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Create_if_not_exists_succeeds_twice_and_the_table_is_usable()
    {
        var name = azurite.UniqueName();

        var first = await azurite.TableServiceClient.CreateTableIfNotExistsAsync(name);
        var second = await azurite.TableServiceClient.GetTableClient(name).CreateIfNotExistsAsync();
        await azurite.TableServiceClient.GetTableClient(name).AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(name, first.Value.Name);
        Assert.Equal(204, first.GetRawResponse().Status);
        Assert.Equal(409, second.GetRawResponse().Status);
    }

    [Fact]
    public async Task Create_of_an_existing_table_fails_with_409_TableAlreadyExists()
    {
        var table = azurite.TableServiceClient.GetTableClient(azurite.UniqueName());
        await table.CreateAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateAsync());

        Assert.Equal(409, ex.Status);
        Assert.Equal("TableAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task Deleted_table_rejects_entity_writes_with_404_and_deleting_again_is_not_an_error()
    {
        var name = azurite.UniqueName();
        var table = azurite.TableServiceClient.GetTableClient(name);
        await table.CreateIfNotExistsAsync();

        var deleted = await azurite.TableServiceClient.DeleteTableAsync(name);
        var again = await table.DeleteAsync();
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.Equal(404, ex.Status);
    }
}
