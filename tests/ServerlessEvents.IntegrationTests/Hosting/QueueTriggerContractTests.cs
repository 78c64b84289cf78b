using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>The queue-trigger path as the host drives it: base64 messages in Azurite, DequeueCount, poison after maxDequeueCount.</summary>
[Collection(PipelineCollection.Name)]
public sealed class QueueTriggerContractTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task A_message_the_function_keeps_failing_on_moves_to_the_poison_queue_after_max_dequeue_count()
    {
        var queues = pipeline.Azurite.QueueServiceClient;
        var queue = queues.GetQueueClient("webhook-retries");
        var poison = queues.GetQueueClient("webhook-retries-poison");
        await poison.CreateIfNotExistsAsync();
        var poisonedBefore = (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        // A well-formed delivery reference whose tenant cannot be a table key: every attempt fails in storage, as an outage would.
        var message = new JsonObject
        {
            ["t"] = "bad/tenant", ["s"] = "whk_" + new string('a', 32), ["d"] = "msg_" + new string('b', 32),
            ["c"] = 638000000000000000, ["a"] = 1,
        };
        await queue.SendMessageAsync(message.ToJsonString());

        var outcomes = await pipeline.Host.DrainQueueAsync(queues, "webhook-retries", maxRounds: 200, untilEmpty: true);

        Assert.Equal(pipeline.Host.MaxDequeueCount, outcomes.Count);
        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(poisonedBefore + 1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
