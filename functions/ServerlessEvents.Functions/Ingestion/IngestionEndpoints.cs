using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Quotas;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary><c>POST /api/events</c> and <c>POST /api/events/batch</c>; each event of a request counts against the tenant's <see cref="IngestQuota"/>.</summary>
public static class IngestionEndpoints
{
    /// <summary>Maps the ingestion functions.</summary>
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("eventsIngest", (HttpContext context) => IngestAsync(context, batchEndpoint: false)).RequireTenant();
        endpoints.MapHttpFunction("eventsIngestBatch", (HttpContext context) => IngestAsync(context, batchEndpoint: true)).RequireTenant();
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, bool batchEndpoint)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var reader = context.RequestServices.GetRequiredService<IncomingEventReader>();
        var service = context.RequestServices.GetRequiredService<IngestionService>();
        // A single event may carry envelope overhead on top of its limit; the exact size is checked once normalised.
        var limit = batchEndpoint ? options.MaxBatchBytes : options.MaxEventBytes + 64_000;
        var incoming = await reader.ReadAsync(context.Request, batchEndpoint, limit, context.RequestAborted);
        // Every event of the request counts, valid or not: the quota protects the storage work of reading and checking too.
        await context.RequestServices.GetRequiredService<IngestQuota>().AcquireAsync(context.Caller().Tenant, incoming.Count, context.RequestAborted);
        var results = await service.IngestAsync(context.Caller().Tenant, incoming, context.RequestAborted);
        return batchEndpoint ? BatchAnswer(results) : SingleAnswer(results[0], incoming[0], reader);
    }

    private static IResult SingleAnswer(IngestResult result, IncomingEventResult read, IncomingEventReader reader) => result.Status switch
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
