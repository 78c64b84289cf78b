using Azure;
using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class QueueVisibilityTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.QueueServiceClient.GetQueueClient(azurite.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Delayed_message_stays_invisible_until_its_delay_has_passed()
    {
        var queue = await NewQueueAsync();
        var delay = TimeSpan.FromSeconds(2);

        var receipt = (await queue.SendMessageAsync("later", visibilityTimeout: delay)).Value;
        var immediately = (await queue.ReceiveMessagesAsync()).Value;
        var (received, at) = await QueuePolling.ReceiveOneAsync(queue);

        Assert.Empty(immediately);
        Assert.Equal("later", received.MessageText);
        Assert.True(at >= receipt.TimeNextVisible.AddSeconds(-1), $"received at {at:O}, visible from {receipt.TimeNextVisible:O}");
        Assert.True(receipt.TimeNextVisible >= receipt.InsertionTime.AddSeconds(1));
    }

    [Fact]
    public async Task Dequeue_count_increments_when_a_message_becomes_visible_again()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("retry me");

        var first = Assert.Single((await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1))).Value);
        var (second, _) = await QueuePolling.ReceiveOneAsync(queue);

        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        Assert.Equal(400, stale.Status);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task Update_changes_text_and_visibility_and_returns_a_new_pop_receipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1");
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        var update = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "v2", TimeSpan.Zero)).Value;
        var (again, _) = await QueuePolling.ReceiveOneAsync(queue);

        Assert.NotEqual(received.PopReceipt, update.PopReceipt);
        Assert.Equal("v2", again.MessageText);
    }
}
