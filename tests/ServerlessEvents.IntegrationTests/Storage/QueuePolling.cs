using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Storage.Queues.Models;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>Polls a queue until a message is visible, within a generous but bounded time.</summary>
internal static class QueuePolling
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(20);

    public static async Task<(QueueMessage Message, DateTimeOffset At)> ReceiveOneAsync(QueueClient queue)
    {
        var deadline = DateTimeOffset.UtcNow + PollLimit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var messages = (await queue.ReceiveMessagesAsync()).Value;
            if (messages.Length > 0) return (messages[0], DateTimeOffset.UtcNow);
            await Task.Delay(200);
        }
        throw new TimeoutException($"No message became visible within {PollLimit}.");
    }
}
