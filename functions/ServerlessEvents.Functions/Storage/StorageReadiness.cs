using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// Holds requests until <see cref="StorageInitializer"/> has created the tables and queues, for at most one storage
/// network timeout, then answers 503 (through <see cref="DependencyUnavailableException"/>). Without it a request that
/// arrives right after start-up can meet a table that does not exist yet. The host's liveness probe (<c>GET /</c>) and
/// <c>/api/health</c>, which reports storage itself, never wait.
/// </summary>
public static class StorageReadiness
{
    /// <summary>Adds the wait in front of every endpoint.</summary>
    public static IApplicationBuilder UseStorageReadiness(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var ready = context.RequestServices.GetRequiredService<StorageInitializer>().Ready;
        var path = context.Request.Path;
        if (!ready.IsCompleted && path != "/" && !path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase))
        {
            var wait = TimeSpan.FromSeconds(context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.NetworkTimeoutSeconds);
            try
            {
                await ready.WaitAsync(wait, context.RequestAborted);
            }
            catch (TimeoutException timeout)
            {
                throw new DependencyUnavailableException("Storage is not ready yet: its tables and queues are still being created.", timeout);
            }
        }
        await next(context);
    });
}
