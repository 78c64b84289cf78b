using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Quotas;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// <c>POST /api/events</c> and <c>POST /api/events/batch</c>: read the request (CloudEvents structured, binary or
/// batch, the simple or the legacy shape), charge the tenant's <see cref="IngestQuota"/> for every event of it, and
/// ingest: validated, de-duplicated, stored, published.
/// </summary>
public sealed class IngestionFunctions(IOptions<IngestionOptions> options, IncomingEventReader reader, IngestionService service, IngestQuota quota)
{
    /// <summary>One event: 202 with its id and Location when accepted, 200 for a duplicate, a problem otherwise.</summary>
    [Function("eventsIngest"), CallerAccess(CallerAccess.Tenant)]
    public Task<IResult> IngestAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events")] HttpRequest request) =>
        IngestAsync(request, batchEndpoint: false);

    /// <summary>A batch: 200 with one result per item, so valid items are stored even when others are refused.</summary>
    [Function("eventsIngestBatch"), CallerAccess(CallerAccess.Tenant)]
    public Task<IResult> IngestBatchAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events/batch")] HttpRequest request) =>
        IngestAsync(request, batchEndpoint: true);

    private async Task<IResult> IngestAsync(HttpRequest request, bool batchEndpoint)
    {
        var context = request.HttpContext;
        // A single event may carry envelope overhead on top of its limit; the exact size is checked once normalised.
        var limit = batchEndpoint ? options.Value.MaxBatchBytes : options.Value.MaxEventBytes + 64_000;
        var incoming = await reader.ReadAsync(request, batchEndpoint, limit, context.RequestAborted);
        // Every event of the request counts, valid or not: the quota protects the storage work of reading and checking too.
        await quota.AcquireAsync(context.Caller().Tenant, incoming.Count, context.RequestAborted);
        var results = await service.IngestAsync(context.Caller().Tenant, incoming, context.RequestAborted);
        return batchEndpoint ? BatchAnswer(results) : SingleAnswer(results[0], incoming[0]);
    }

    private IResult SingleAnswer(IngestResult result, IncomingEventResult read) => result.Status switch
    {
        "accepted" => new WithLocation(Results.Json(new { id = result.Id, status = "accepted" }, statusCode: StatusCodes.Status202Accepted),
            "/api/events/" + Uri.EscapeDataString(result.Id!)),
        "duplicate" => Results.Json(new { id = result.Id, status = "duplicate" }, statusCode: StatusCodes.Status200OK),
        "conflict" => throw new ApiProblemException(409, "The event conflicts with a stored one.",
            "An event with this source and id was already stored with different content. Use a new id for a new event.", result.Errors),
        _ when read.Event is null => throw reader.ToProblem(read),
        _ => throw new ApiProblemException(result.HttpStatus, "The event is too large.", string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")), result.Errors),
    };

    private static IResult BatchAnswer(IngestResult[] results) => Results.Json(new
    {
        accepted = results.Count(r => r.Status == "accepted"),
        duplicates = results.Count(r => r.Status == "duplicate"),
        conflicts = results.Count(r => r.Status == "conflict"),
        rejected = results.Count(r => r.Status == "rejected"),
        items = results.Select(r => new
        {
            index = r.Index,
            id = r.Id,
            status = r.Status,
            errors = r.Errors.Count == 0 ? null : r.Errors.Select(e => new { field = e.Field, message = e.Message }),
        }),
    }, statusCode: StatusCodes.Status200OK);

    private sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
