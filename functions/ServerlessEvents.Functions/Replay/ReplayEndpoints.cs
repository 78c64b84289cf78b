using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.Functions.Replay;

/// <summary><c>POST /api/events/replay</c>, <c>GET /api/replays/{id}</c> and the <c>replayChunk</c> queue function.</summary>
public static partial class ReplayEndpoints
{
    /// <summary>Maps the replay functions.</summary>
    public static IEndpointRouteBuilder MapReplay(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("eventsReplay", async (HttpContext context, ReplayRequestParser parser, ReplayService service, WebhookSubscriptionStore webhooks, IOptions<ReplayOptions> options) =>
        {
            var body = await RequestJson.ReadObjectAsync(context);
            var (ids, filter, target) = parser.Parse(body, options.Value.MaxIds);
            if (target.Kind == "webhook" && await webhooks.GetAsync(context.Caller().Tenant, target.Value!, context.RequestAborted) is null)
            {
                throw ApiProblemException.Unprocessable($"No webhook subscription '{target.Value}' in your tenant.", [new FieldError("target.subscriptionId", "does not exist")]);
            }
            var replay = await service.StartAsync(context.Caller().Tenant, ids, filter, target, context.RequestAborted);
            context.Response.Headers.Location = "/api/replays/" + replay.ReplayId;
            return Results.Json(new JsonObject { ["replayId"] = replay.ReplayId, ["count"] = replay.Total, ["status"] = replay.Status, ["target"] = replay.Target.ToJson() },
                statusCode: StatusCodes.Status202Accepted);
        }).RequireTenant();

        endpoints.MapHttpFunction("replaysGet", async (string id, HttpContext context, ReplayStore store) =>
        {
            var replay = await store.GetAsync(context.Caller().Tenant, id, context.RequestAborted)
                ?? throw ApiProblemException.NotFound($"No replay with id '{id}' in your tenant.");
            return Results.Json(Describe(replay));
        }).RequireTenant();

        endpoints.MapQueueFunction("replayChunk", async (delivery, services, cancellationToken) =>
        {
            var processor = services.GetRequiredService<ReplayChunkProcessor>();
            ReplayJobMessage? message;
            try
            {
                message = delivery.Text is null ? null : JsonSerializer.Deserialize<ReplayJobMessage>(delivery.Text);
            }
            catch (JsonException)
            {
                message = null;
            }
            if (message is null)
            {
                // Not ours: retrying cannot help.
                return "Dropped a replay-jobs message that is not a replay chunk.";
            }
            try
            {
                await processor.ProcessAsync(message, cancellationToken);
            }
            catch (Exception exception) when (delivery.DequeueCount >= services.GetRequiredService<IOptions<ReplayOptions>>().Value.MaxDequeueCount)
            {
                await processor.MarkFailedAsync(message, $"Chunk {message.Seq} failed {delivery.DequeueCount} times: {exception.GetType().Name}", cancellationToken);
                throw;
            }
            return $"Replay {message.ReplayId}: chunk {message.Seq} ({message.Phase}) done.";
        });
        return endpoints;
    }

    /// <summary>The progress document.</summary>
    public static JsonObject Describe(ReplayRecord replay) => new()
    {
        ["replayId"] = replay.ReplayId,
        ["status"] = replay.Status,
        ["total"] = replay.Total,
        ["processed"] = replay.Processed,
        ["percent"] = replay.Percent,
        ["target"] = replay.Target.ToJson(),
        ["createdAt"] = replay.CreatedAt,
        ["completedAt"] = replay.CompletedAt,
        ["error"] = replay.Error,
    };
}
