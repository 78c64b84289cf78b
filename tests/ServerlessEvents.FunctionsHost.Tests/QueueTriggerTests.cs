using Azure.Storage.Queues.Models;

namespace ServerlessEvents.FunctionsHost.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class QueueTriggerTests(SampleHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_message_is_handed_to_its_trigger_and_the_return_value_goes_to_the_output_queue()
    {
        var text = "hello-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Queues.GetQueueClient(fixture.WorkQueue).SendMessageAsync(text);

        var done = await fixture.Host.WaitForInvocationsAsync(i => i.Function == "ProcessWork" && i.Succeeded && i.Outputs.GetValueOrDefault("$return") == text.ToUpperInvariant(), 1, Patience);

        Assert.Contains(done[0].Logs, l => l.IsUser && l.Message.Contains(text, StringComparison.Ordinal) && l.Message.Contains("dequeue 1", StringComparison.Ordinal));
        var output = await ReceiveAllAsync(fixture.WorkDoneQueue, m => m.Body.ToString() == text.ToUpperInvariant());
        Assert.Single(output);
        Assert.False(await AnyLeftAsync(fixture.WorkQueue, text));
    }

    [Fact]
    public async Task A_failing_message_is_retried_up_to_maxDequeueCount_then_moved_to_the_poison_queue()
    {
        var text = "fail-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Queues.GetQueueClient(fixture.WorkQueue).SendMessageAsync(text);

        // host.json: maxDequeueCount 3, visibilityTimeout 200 ms.
        var failures = await fixture.Host.WaitForInvocationsAsync(i => i.Function == "ProcessWork" && i.Logs.Any(l => l.Message.Contains(text, StringComparison.Ordinal)), 3, Patience);

        Assert.All(failures, f => Assert.Equal(InvocationStatus.Failed, f.Status));
        Assert.All(failures, f => Assert.Contains("Refusing " + text, f.ExceptionMessage, StringComparison.Ordinal));
        Assert.Equal(["dequeue 1", "dequeue 2", "dequeue 3"], failures.Select(f => f.Logs.Select(l => System.Text.RegularExpressions.Regex.Match(l.Message, "dequeue \\d+").Value).First(v => v.Length > 0)));
        var poison = await ReceiveAllAsync(fixture.WorkQueue + "-poison", m => m.Body.ToString() == text, wait: Patience);
        Assert.Single(poison);
        Assert.False(await AnyLeftAsync(fixture.WorkQueue, text));
        await Task.Delay(600); // longer than the retry delay: no fourth delivery
        Assert.Equal(3, fixture.Host.Invocations.Count(i => i.Function == "ProcessWork" && i.Logs.Any(l => l.Message.Contains(text, StringComparison.Ordinal))));
    }

    private async Task<List<QueueMessage>> ReceiveAllAsync(string queueName, Func<QueueMessage, bool> match, TimeSpan? wait = null)
    {
        var queue = fixture.Queues.GetQueueClient(queueName);
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        var found = new List<QueueMessage>();
        while (found.Count == 0 && DateTime.UtcNow < deadline)
        {
            if ((await queue.ExistsAsync()).Value)
            {
                found.AddRange((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value.Where(match));
            }
            if (found.Count == 0) await Task.Delay(100);
        }
        return found;
    }

    private async Task<bool> AnyLeftAsync(string queueName, string text)
    {
        var peeked = (await fixture.Queues.GetQueueClient(queueName).PeekMessagesAsync(32)).Value;
        return peeked.Any(m => m.Body.ToString() == text);
    }
}
