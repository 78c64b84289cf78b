using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.History;

/// <summary><c>GET /api/events</c>, <c>GET /api/events/{id}</c> and <c>GET /api/events/stats</c>, scoped to the caller's tenant.</summary>
public static class HistoryEndpoints
{
    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 100, MaxLimit = 1000;

    /// <summary>Maps the history functions.</summary>
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("eventsList", async (HttpContext context, EventQueryService queries) =>
        {
            var q = context.Request.Query;
            var limit = QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit);
            string? after = null;
            if (!string.IsNullOrEmpty(q["continuationToken"]))
            {
                after = ContinuationToken.Decode(q["continuationToken"]!) ?? throw ApiProblemException.BadRequest(
                    "The continuation token is not one this API issued.", new FieldError("continuationToken", "is not valid"));
            }
            var query = new EventQuery(q["type"], q["source"], q["subject"], q["userId"], q["correlationId"], QueryParameters.Time(q["from"], "from"), QueryParameters.Time(q["to"], "to"));
            var page = await queries.QueryAsync(context.Caller().Tenant, query, limit, after, context.RequestAborted);
            var items = new JsonArray(page.Events.Where(e => e.Length > 0).Select(e => (JsonNode?)PublicEvent(e)).ToArray());
            return Results.Json(new JsonObject { ["items"] = items, ["count"] = items.Count, ["continuationToken"] = page.ContinuationToken });
        }).RequireTenant();

        endpoints.MapHttpFunction("eventsGet", async (string id, HttpContext context, EventLookup lookup) =>
        {
            var found = await lookup.FindByIdAsync(context.Caller().Tenant, id, context.RequestAborted);
            var source = context.Request.Query["source"].ToString();
            var match = found.FirstOrDefault(e => source.Length == 0 || e.Source == source)
                ?? throw ApiProblemException.NotFound($"No event with id '{id}' in your tenant.");
            return Results.Json(new JsonObject
            {
                ["event"] = PublicEvent(match.Json),
                ["ingestedAt"] = match.IngestedAt,
                ["publication"] = new JsonObject { ["status"] = match.PublishedAt is null ? "pending" : "published", ["publishedAt"] = match.PublishedAt },
                ["otherSources"] = new JsonArray(found.Where(e => e != match).Select(e => (JsonNode?)e.Source).ToArray()),
            });
        }).RequireTenant();

        endpoints.MapHttpFunction("eventsStats", async (HttpContext context, EventStatsService stats, TimeProvider clock) =>
        {
            var to = QueryParameters.Time(context.Request.Query["to"], "to") ?? clock.GetUtcNow();
            var from = QueryParameters.Time(context.Request.Query["from"], "from") ?? to.AddHours(-1);
            if (from >= to || to - from > TimeSpan.FromDays(1))
            {
                throw ApiProblemException.BadRequest("The window must be positive and at most 24 hours.", new FieldError("from", "must be before 'to' and within 24 hours of it"));
            }
            return Results.Json(await stats.GetAsync(context.Caller().Tenant, from, to, context.RequestAborted));
        }).RequireTenant();
        return endpoints;
    }

    /// <summary>The stored event as the producer sees it: without the tenant extension the pipeline adds.</summary>
    public static JsonObject PublicEvent(byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(CanonicalEvent.TenantExtension);
        return node;
    }


}
