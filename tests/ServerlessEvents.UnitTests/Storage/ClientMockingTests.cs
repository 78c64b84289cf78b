using Azure;
using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Storage.Queues.Models;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class ClientMockingTests
{
    private sealed class FakeTableClient : TableClient
    {
        public List<ITableEntity> Added { get; } = [];

        public override Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        {
            Added.Add(entity);
            return Task.FromResult<Response>(null!);
        }
    }

    private sealed class FakeQueueClient : QueueClient
    {
        public override Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
            throw new RequestFailedException(503, "busy", "ServerBusy", null);
    }

    [Fact]
    public async Task Table_client_can_be_subclassed_to_fake_calls()
    {
        TableClient client = new FakeTableClient();

        await client.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal("r", Assert.Single(((FakeTableClient)client).Added).RowKey);
    }

    [Fact]
    public async Task Queue_client_can_be_subclassed_to_fake_failures()
    {
        QueueClient client = new FakeQueueClient();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.SendMessageAsync("x"));

        Assert.Equal(503, ex.Status);
    }
}
