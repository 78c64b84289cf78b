using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.FunctionsHost.Metadata;

namespace ServerlessEvents.FunctionsHost.Queues;

/// <summary>Writes a succeeded invocation's queue outputs: one message per value, or per element of a JSON array.</summary>
internal static class QueueOutputs
{
    public static async Task WriteAsync(FunctionsHost host, WorkerFunction function, InvocationResult result, QueueSettings settings, CancellationToken cancellationToken)
    {
        foreach (var binding in function.Outputs.Where(b => b.Is("queue")))
        {
            if (!result.Outputs.TryGetValue(binding.Name, out var value)) continue;
            var queue = QueueClients.Create(host, binding, settings).GetQueueClient(host.Settings.Resolve(binding.Property("queueName") ?? ""));
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            foreach (var message in Messages(value))
            {
                await queue.SendMessageAsync(message, cancellationToken: cancellationToken);
            }
        }
    }

    private static IEnumerable<string> Messages(string value)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(value); }
        catch (JsonException) { node = null; }
        return node switch
        {
            JsonArray array => array.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : e?.ToJsonString() ?? "null"),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [value],
        };
    }
}
