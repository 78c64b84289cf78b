using System.Text;
using Azure;
using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.QueueServiceClient.GetQueueClient(azurite.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Create_if_not_exists_succeeds_twice_and_delete_if_exists_reports_existence()
    {
        var queue = azurite.QueueServiceClient.GetQueueClient(azurite.UniqueName("q"));

        var first = await queue.CreateIfNotExistsAsync();
        var second = await queue.CreateIfNotExistsAsync();
        var deleted = await queue.DeleteIfExistsAsync();
        var deletedAgain = await queue.DeleteIfExistsAsync();

        Assert.Equal(201, first.Status);
        Assert.Equal(204, second.Status);
        Assert.True(deleted.Value);
        Assert.False(deletedAgain.Value);
    }

    [Fact]
    public async Task Sent_message_is_received_then_deleted()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"type\":\"order.created\",\"note\":\"<b>&'x'</b> ü\"}";

        var receipt = (await queue.SendMessageAsync(text)).Value;
        var received = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.True(receipt.ExpirationTime > receipt.InsertionTime);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Message_text_is_base64_on_the_wire_as_the_functions_trigger_expects()
    {
        var queue = await NewQueueAsync();
        var raw = new QueueClient(queue.Uri, azurite.SharedKeyCredential(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        const string text = "héllo <world> & \"friends\"";

        await queue.SendMessageAsync(text);
        var wire = Assert.Single((await raw.PeekMessagesAsync()).Value).MessageText;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), wire);
        Assert.Equal(text, Encoding.UTF8.GetString(Convert.FromBase64String(wire)));
    }

    [Fact]
    public async Task Unencoded_client_sends_xml_escaped_text_verbatim()
    {
        var queue = await NewQueueAsync();
        var raw = new QueueClient(queue.Uri, azurite.SharedKeyCredential(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        const string text = "<a href='x'>&amp; \"q\"</a>";

        await raw.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single((await raw.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task Time_to_live_is_accepted_and_sets_the_expiration()
    {
        var queue = await NewQueueAsync();

        var shortLived = (await queue.SendMessageAsync("ttl", timeToLive: TimeSpan.FromMinutes(5))).Value;
        var forever = (await queue.SendMessageAsync("forever", timeToLive: TimeSpan.FromSeconds(-1))).Value;

        Assert.InRange(shortLived.ExpirationTime - shortLived.InsertionTime, TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.True(forever.ExpirationTime - forever.InsertionTime > TimeSpan.FromDays(365));
        Assert.Equal(2, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
