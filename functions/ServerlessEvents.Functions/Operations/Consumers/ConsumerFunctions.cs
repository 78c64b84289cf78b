using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// Pull consumers: <c>PUT /api/consumers/{name}</c> declares one (types, where to start), <c>GET .../events</c> reads
/// the next page after its checkpoint, <c>POST .../ack</c> moves the checkpoint to a cursor a page returned.
/// </summary>
public sealed partial class ConsumerFunctions(ConsumerStore store, ConsumerFeedReader feed, EventTypeCatalog catalog, IOptions<ConsumerOptions> options)
{
    /// <summary>Creates (201) or updates (200) the consumer.</summary>
    [Function("consumersPut"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "consumers/{name}")] HttpRequest request, string name)
    {
        var context = request.HttpContext;
        ValidateName(name);
        var body = await RequestJson.ReadObjectAsync(context);
        var types = ReadTypes(body["eventTypes"], catalog);
        var startAt = RequestJson.OptionalString(body, "startAt", "startAt") switch
        {
            null or "now" => feed.Horizon(),
            "earliest" => FeedKeys.Start,
            _ => throw ApiProblemException.BadRequest("startAt must be \"now\" or \"earliest\".", new FieldError("startAt", "must be now or earliest")),
        };
        var (consumer, created) = await store.PutAsync(context.Caller().Tenant, name, types, startAt, context.RequestAborted);
        return Results.Json(Describe(consumer), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>The next page of the consumer's events, with the cursor to acknowledge it.</summary>
    [Function("consumersEvents"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> EventsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "consumers/{name}/events")] HttpRequest request, string name)
    {
        var context = request.HttpContext;
        var consumer = await store.GetAsync(context.Caller().Tenant, name, context.RequestAborted)
            ?? throw ApiProblemException.NotFound($"No consumer named '{name}' in your tenant.");
        var limit = QueryParameters.Limit(request.Query["limit"], Math.Min(100, options.Value.MaxPageSize), options.Value.MaxPageSize);
        var page = await feed.ReadAsync(consumer.Tenant, consumer.Checkpoint, consumer.Wants, limit, context.RequestAborted);
        var items = new JsonArray(page.Events.Select(e => (JsonNode?)PublicEventJson.From(e)).ToArray());
        return Results.Json(new JsonObject { ["items"] = items, ["count"] = items.Count, ["cursor"] = ConsumerCursor.Encode(name, page.Position) });
    }

    /// <summary>Moves the checkpoint to <c>{"cursor": "…"}</c>; a cursor of another consumer or from the future is 400.</summary>
    [Function("consumersAck"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> AckAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "consumers/{name}/ack")] HttpRequest request, string name)
    {
        var context = request.HttpContext;
        var body = await RequestJson.ReadObjectAsync(context);
        var cursor = body["cursor"] is JsonValue v && v.TryGetValue<string>(out var text) ? text
            : throw ApiProblemException.BadRequest("The body must be {\"cursor\": \"...\"}.", new FieldError("cursor", "is required"));
        var position = ConsumerCursor.Decode(name, cursor);
        if (position is null || string.CompareOrdinal(position, feed.Horizon()) >= 0)
        {
            throw ApiProblemException.BadRequest("The cursor was not issued to this consumer.", new FieldError("cursor", "is not a cursor of this consumer"));
        }
        var consumer = await store.AdvanceAsync(context.Caller().Tenant, name, position, context.RequestAborted);
        return Results.Json(Describe(consumer));
    }

    private static JsonObject Describe(ConsumerDefinition consumer) => new()
    {
        ["name"] = consumer.Name,
        ["eventTypes"] = new JsonArray(consumer.EventTypes.Select(t => (JsonNode?)t).ToArray()),
        ["cursor"] = ConsumerCursor.Encode(consumer.Name, consumer.Checkpoint),
        ["createdAt"] = consumer.CreatedAt,
    };

    private static void ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw ApiProblemException.BadRequest("A consumer name is 1-64 characters: lower-case letters, digits, '-' and '_'.", new FieldError("name", "is not a valid consumer name"));
        }
    }

    private static string[] ReadTypes(JsonNode? node, EventTypeCatalog catalog)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray array || array.Any(t => t is not JsonValue value || !value.TryGetValue<string>(out _)))
        {
            throw ApiProblemException.BadRequest("eventTypes must be an array of strings.", new FieldError("eventTypes", "must be an array of strings"));
        }
        var types = array.Select(t => t!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = types.Where(t => catalog.Expand(t).Count == 0).ToArray();
        return unknown.Length == 0 ? types : throw ApiProblemException.Unprocessable("Unknown event types.", unknown.Select(t => new FieldError("eventTypes", $"'{t}' matches no catalog type")).ToArray());
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
