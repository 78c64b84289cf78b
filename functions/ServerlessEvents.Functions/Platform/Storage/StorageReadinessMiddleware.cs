using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// The worker's <see cref="StorageReadiness"/>: every function waits for <see cref="StorageInitializer"/> to create the
/// tables and queues, for at most one storage network timeout, then fails with
/// <see cref="DependencyUnavailableException"/> (503 for HTTP, a retry for the other triggers). The health function,
/// which reports storage itself, never waits.
/// </summary>
public sealed class StorageReadinessMiddleware(StorageInitializer initializer, IOptions<StorageOptions> options) : IFunctionsWorkerMiddleware
{
    /// <summary>The function that answers without waiting.</summary>
    public const string HealthFunction = "health";

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var ready = initializer.Ready;
        if (!ready.IsCompleted && !string.Equals(context.FunctionDefinition.Name, HealthFunction, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await ready.WaitAsync(TimeSpan.FromSeconds(options.Value.NetworkTimeoutSeconds), context.CancellationToken);
            }
            catch (TimeoutException timeout)
            {
                throw new DependencyUnavailableException("Storage is not ready yet: its tables and queues are still being created.", timeout);
            }
        }
        await next(context);
    }
}
