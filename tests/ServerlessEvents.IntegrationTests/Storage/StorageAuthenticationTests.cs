using Azure;
using Microsoft.Extensions.Configuration;
using ServerlessEvents.Storage;
using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Storage.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageAuthenticationTests(AzuriteFixture azurite)
{
    private const string WrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktd3Jvbmcta2V5LXdyb25nLWtleQ==";

    [Fact]
    public async Task Wrong_account_key_gives_403_AuthorizationFailure_for_tables_without_leaking_the_key()
    {
        var client = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(AzuriteFixture.AccountName, WrongKey));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateTableIfNotExistsAsync(azurite.UniqueName()));

        Assert.Equal(403, ex.Status);
        Assert.Equal("AuthorizationFailure", ex.ErrorCode);
        Assert.DoesNotContain(WrongKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_account_key_gives_403_AuthenticationFailed_for_queues()
    {
        var client = new QueueServiceClient(azurite.QueueEndpoint, new StorageSharedKeyCredential(AzuriteFixture.AccountName, WrongKey));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetQueueClient(azurite.UniqueName("q")).CreateIfNotExistsAsync());

        Assert.Equal(403, ex.Status);
        Assert.Equal("AuthenticationFailed", ex.ErrorCode); // the queue service (and Azurite) use this code for a bad signature
    }

    [Fact]
    public async Task Connection_from_configuration_reaches_both_services()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString })
            .Build();
        var connection = StorageConnection.FromConfiguration(config, "AzureWebJobsStorage");
        var table = connection.CreateTableServiceClient().GetTableClient(azurite.UniqueName());
        var queue = connection.CreateQueueServiceClient().GetQueueClient(azurite.UniqueName("q"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hi");

        Assert.True(connection.UsesSharedKey);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
