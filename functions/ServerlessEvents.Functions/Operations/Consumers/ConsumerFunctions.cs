using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// Pull consumers: <c>PUT /api/consumers/{name}</c> declares one (types, where to start), <c>GET .../events</c> reads
/// the next page after its checkpoint, <c>POST .../ack</c> moves the checkpoint to a cursor a page returned.
/// </summary>
public sealed class ConsumerFunctions(ConsumerService consumers)
{
    /// <summary>Creates (201) or updates (200) the consumer.</summary>
    [Function("consumersPut"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "consumers/{name}")] HttpRequest request, string name)
    {
        var context = request.HttpContext;
        var (consumer, created) = await consumers.PutAsync(context.Caller().Tenant, name, await RequestJson.ReadObjectAsync(context), context.RequestAborted);
        return Results.Json(ConsumerService.Describe(consumer), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>The next page of the consumer's events, with the cursor to acknowledge it.</summary>
    [Function("consumersEvents"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> EventsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "consumers/{name}/events")] HttpRequest request, string name) =>
        Results.Json(await consumers.ReadAsync(request.HttpContext.Caller().Tenant, name, request.Query["limit"], request.HttpContext.RequestAborted));

    /// <summary>Moves the checkpoint to <c>{"cursor": "…"}</c>; a cursor of another consumer or from the future is 400.</summary>
    [Function("consumersAck"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> AckAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "consumers/{name}/ack")] HttpRequest request, string name)
    {
        var context = request.HttpContext;
        var consumer = await consumers.AckAsync(context.Caller().Tenant, name, await RequestJson.ReadObjectAsync(context), context.RequestAborted);
        return Results.Json(ConsumerService.Describe(consumer));
    }
}
