using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Replay;

/// <summary>Maps the replay functions for the custom handler; <see cref="ReplayFunctions"/> holds their code.</summary>
public static class ReplayEndpoints
{
    /// <summary>Maps the replay functions.</summary>
    public static IEndpointRouteBuilder MapReplay(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("eventsReplay", (HttpContext context) => context.Function<ReplayFunctions>().StartAsync(context.Request)).RequireTenant();
        endpoints.MapHttpFunction("replaysGet", (HttpContext context, string id) => context.Function<ReplayFunctions>().GetAsync(context.Request, id)).RequireTenant();
        endpoints.MapQueueFunction("replayChunk", async (delivery, services, cancellationToken) =>
        {
            await ActivatorUtilities.CreateInstance<ReplayFunctions>(services).ChunkAsync(delivery.Text ?? "", delivery.Id ?? Guid.NewGuid().ToString("N"), delivery.DequeueCount ?? 1, cancellationToken);
            return null;
        });
        return endpoints;
    }
}
