using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>Uses its own disk-persisted Azurite because it stops and restarts it.</summary>
public sealed class AzuriteRestartTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = AzuriteFixture.CreatePersistent();

    public Task InitializeAsync() => _azurite.StartAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Requests_to_a_stopped_azurite_fail_and_succeed_again_after_restart_on_the_same_ports_with_data_kept()
    {
        var table = _azurite.TableServiceClient.GetTableClient(_azurite.UniqueName());
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "before") { ["V"] = "kept" });
        var queue = _azurite.QueueServiceClient.GetQueueClient(_azurite.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("survives");

        await _azurite.StopAsync();
        var down = await Assert.ThrowsAsync<AggregateException>(() => table.AddEntityAsync(new TableEntity("p", "during")));
        await _azurite.StartAsync();
        await table.AddEntityAsync(new TableEntity("p", "after"));

        // Like the Azure SDKs: after the retries, transport failures surface as an AggregateException of
        // RequestFailedException (status 0, no HTTP response), one per attempt.
        Assert.Equal(4, down.InnerExceptions.Count);
        Assert.All(down.InnerExceptions, e => Assert.Equal(0, Assert.IsType<RequestFailedException>(e).Status));
        Assert.Equal("kept", (await table.GetEntityAsync<TableEntity>("p", "before")).Value.GetString("V"));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "after")).HasValue);
        Assert.Equal("survives", Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText);
    }
}
