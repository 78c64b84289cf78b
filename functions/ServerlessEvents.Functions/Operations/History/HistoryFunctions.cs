using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.History;

/// <summary><c>GET /api/events</c>, <c>GET /api/events/{id}</c> and <c>GET /api/events/stats</c>, scoped to the caller's tenant.</summary>
public sealed class HistoryFunctions(EventQueryService queries, EventLookup lookup, EventStatsService stats, TimeProvider clock)
{
    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 100, MaxLimit = 1000;

    /// <summary>Pages through the tenant's events, newest first, filtered by type, source, subject, user, correlation and time.</summary>
    [Function("eventsList"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events")] HttpRequest request)
    {
        var q = request.Query;
        var limit = QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit);
        string? after = null;
        if (!string.IsNullOrEmpty(q["continuationToken"]))
        {
            after = ContinuationToken.Decode(q["continuationToken"]!) ?? throw ApiProblemException.BadRequest(
                "The continuation token is not one this API issued.", new FieldError("continuationToken", "is not valid"));
        }
        var query = new EventQuery(q["type"], q["source"], q["subject"], q["userId"], q["correlationId"], QueryParameters.Time(q["from"], "from"), QueryParameters.Time(q["to"], "to"));
        var page = await queries.QueryAsync(request.HttpContext.Caller().Tenant, query, limit, after, request.HttpContext.RequestAborted);
        var items = new JsonArray(page.Events.Where(e => e.Length > 0).Select(e => (JsonNode?)PublicEventJson.From(e)).ToArray());
        return Results.Json(new JsonObject { ["items"] = items, ["count"] = items.Count, ["continuationToken"] = page.ContinuationToken });
    }

    /// <summary>One event by id (optionally of one source), with when it was ingested and whether it is published.</summary>
    [Function("eventsGet"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events/{id}")] HttpRequest request, string id)
    {
        var found = await lookup.FindByIdAsync(request.HttpContext.Caller().Tenant, id, request.HttpContext.RequestAborted);
        var source = request.Query["source"].ToString();
        var match = found.FirstOrDefault(e => source.Length == 0 || e.Source == source)
            ?? throw ApiProblemException.NotFound($"No event with id '{id}' in your tenant.");
        return Results.Json(new JsonObject
        {
            ["event"] = PublicEventJson.From(match.Json),
            ["ingestedAt"] = match.IngestedAt,
            ["publication"] = new JsonObject { ["status"] = match.PublishedAt is null ? "pending" : "published", ["publishedAt"] = match.PublishedAt },
            ["otherSources"] = new JsonArray(found.Where(e => e != match).Select(e => (JsonNode?)e.Source).ToArray()),
        });
    }

    /// <summary>Counts per type and minute over a window of at most 24 hours (default: the last hour).</summary>
    [Function("eventsStats"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> StatsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events/stats")] HttpRequest request)
    {
        var to = QueryParameters.Time(request.Query["to"], "to") ?? clock.GetUtcNow();
        var from = QueryParameters.Time(request.Query["from"], "from") ?? to.AddHours(-1);
        if (from >= to || to - from > TimeSpan.FromDays(1))
        {
            throw ApiProblemException.BadRequest("The window must be positive and at most 24 hours.", new FieldError("from", "must be before 'to' and within 24 hours of it"));
        }
        return Results.Json(await stats.GetAsync(request.HttpContext.Caller().Tenant, from, to, request.HttpContext.RequestAborted));
    }
}
