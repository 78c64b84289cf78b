using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Tenancy;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// <c>POST /api/events/replay</c> starts a replay (202 with its id), <c>GET /api/replays/{id}</c> reports its progress,
/// and the <c>replayChunk</c> queue function does the work one chunk at a time.
/// </summary>
public sealed class ReplayFunctions(
    ReplayRequestParser parser, ReplayService service, ReplayStore store, ReplayChunkProcessor processor, WebhookSubscriptionStore webhooks,
    IOptions<ReplayOptions> options)
{
    /// <summary>Starts a replay of the ids or the filter to a target (all handlers, one handler, or one webhook subscription).</summary>
    [Function("eventsReplay"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> StartAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events/replay")] HttpRequest request)
    {
        var context = request.HttpContext;
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
    }

    /// <summary>The replay's progress.</summary>
    [Function("replaysGet"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "replays/{id}")] HttpRequest request, string id)
    {
        var replay = await store.GetAsync(request.HttpContext.Caller().Tenant, id, request.HttpContext.RequestAborted)
            ?? throw ApiProblemException.NotFound($"No replay with id '{id}' in your tenant.");
        return Results.Json(Describe(replay));
    }

    /// <summary>
    /// Processes one chunk of a replay. A failure throws, so the host retries the message; on the last dequeue the
    /// replay is marked failed before the message goes to <c>replay-jobs-poison</c>. A message that is not a chunk is dropped.
    /// </summary>
    [Function("replayChunk")]
    public Task ChunkAsync([QueueTrigger(QueueNames.ReplayJobs, Connection = "AzureWebJobsStorage")] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        processor.HandleAsync(message, id, dequeueCount, cancellationToken);

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
