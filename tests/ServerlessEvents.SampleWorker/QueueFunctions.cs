using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.SampleWorker;

/// <summary>A queue trigger whose queue name comes from an app setting; "fail" messages throw.</summary>
public sealed class QueueFunctions(ILogger<QueueFunctions> logger)
{
    [Function("ProcessWork")]
    [QueueOutput("%WorkDoneQueue%")]
    public string ProcessWork([QueueTrigger("%WorkQueue%")] string message, long dequeueCount, string id)
    {
        logger.LogInformation("Processing {Message} (message {Id}, dequeue {DequeueCount})", message, id, dequeueCount);
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing {message}.");
        }
        return message.ToUpperInvariant();
    }
}
