using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;

namespace ServerlessEvents.Testing;

/// <summary>The queue-trigger side of the host double.</summary>
public sealed partial class FunctionsHostDouble
{
    /// <summary>
    /// Drains a queue into its queueTrigger function as the Storage Queues extension does: the base64 message
    /// text is decoded and handed over double-encoded with DequeueCount, Id, PopReceipt and the times as
    /// metadata; success deletes the message; a failure leaves it to reappear, and the failure that reaches
    /// host.json's maxDequeueCount moves it to <c>{queue}-poison</c>. Stops when the queue has nothing visible
    /// (messages still delayed are left) or after <paramref name="maxRounds"/> receives.
    /// </summary>
    /// <param name="queues">The storage the handler uses (the Azurite fixture's).</param>
    /// <param name="queueName">The queue to drain.</param>
    /// <param name="retryVisibility">How long a failed message stays invisible (the real host uses host.json's visibilityTimeout).</param>
    /// <param name="maxRounds">The most receive rounds.</param>
    /// <param name="untilEmpty">Keep polling while invisible (retrying or delayed) messages remain, until the queue is empty or the rounds are used up.</param>
    public async Task<IReadOnlyList<InvocationOutcome>> DrainQueueAsync(QueueServiceClient queues, string queueName, TimeSpan? retryVisibility = null, int maxRounds = 100, bool untilEmpty = false, CancellationToken cancellationToken = default)
    {
        var function = Definitions.Functions.Values.Single(f => f.Trigger.Is("queueTrigger") && f.Trigger.Property("queueName") == queueName);
        var queue = queues.GetQueueClient(queueName);
        var outcomes = new List<InvocationOutcome>();
        for (var round = 0; round < maxRounds; round++)
        {
            var messages = (await queue.ReceiveMessagesAsync(16, retryVisibility ?? TimeSpan.FromSeconds(1), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                if (!untilEmpty || (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount == 0)
                {
                    break;
                }
                await Task.Delay(250, cancellationToken);
                continue;
            }
            foreach (var message in messages)
            {
                var text = message.MessageText;
                var data = new JsonObject { [function.Trigger.Name] = JsonValue.Create(JsonSerializer.Serialize(text)) };
                var metadata = new JsonObject
                {
                    ["DequeueCount"] = message.DequeueCount.ToString(CultureInfo.InvariantCulture),
                    ["Id"] = JsonSerializer.Serialize(message.MessageId),
                    ["PopReceipt"] = JsonSerializer.Serialize(message.PopReceipt),
                    ["InsertionTime"] = message.InsertedOn?.ToString("O", CultureInfo.InvariantCulture),
                    ["ExpirationTime"] = message.ExpiresOn?.ToString("O", CultureInfo.InvariantCulture),
                    ["NextVisibleTime"] = message.NextVisibleOn?.ToString("O", CultureInfo.InvariantCulture),
                };
                var outcome = await InvokeAsync(function.Name, data, metadata, cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Succeeded)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
                else if (message.DequeueCount >= Definitions.MaxDequeueCount)
                {
                    var poison = queues.GetQueueClient(queueName + "-poison");
                    await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                    await poison.SendMessageAsync(text, cancellationToken: cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
            }
        }
        return outcomes;
    }
}
