using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Subscribers;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.Functions.Replay;

/// <summary>Reads and validates the body of <c>POST /api/events/replay</c>: ids or a filter, plus a target.</summary>
public sealed class ReplayRequestParser(EventTypeCatalog catalog, IEnumerable<IEventSubscriber> subscribers)
{
    /// <summary>The ids (null for a filtered replay), the filter (null for ids) and the target.</summary>
    public (IReadOnlyList<string>? Ids, ReplayFilter? Filter, ReplayTarget Target) Parse(JsonObject body, int maxIds)
    {
        var target = ParseTarget(body["target"]);
        var hasIds = body.ContainsKey("ids");
        var hasFilter = body.ContainsKey("filter");
        if (hasIds == hasFilter)
        {
            throw ApiProblemException.BadRequest("Give either \"ids\" or \"filter\".", new FieldError(hasIds ? "filter" : "ids", hasIds ? "must not be combined with ids" : "ids or filter is required"));
        }
        if (hasIds)
        {
            if (body["ids"] is not JsonArray array || array.Count == 0 || array.Count > maxIds || array.Any(i => i is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length == 0))
            {
                throw ApiProblemException.BadRequest($"ids must be an array of 1 to {maxIds} non-empty strings.", new FieldError("ids", $"must hold 1..{maxIds} non-empty strings"));
            }
            return (array.Select(i => i!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToArray(), null, target);
        }
        if (body["filter"] is not JsonObject filter)
        {
            throw ApiProblemException.BadRequest("filter must be an object.", new FieldError("filter", "must be an object"));
        }
        var type = RequestJson.OptionalString(filter, "type", "filter.type");
        if (type is not null && type != "*" && catalog.Expand(type).Count == 0)
        {
            throw ApiProblemException.Unprocessable($"The type '{type}' matches no catalog type.", [new FieldError("filter.type", "matches no catalog type")]);
        }
        var from = Time(filter, "from");
        var to = Time(filter, "to");
        if (from is not null && to is not null && from >= to)
        {
            throw ApiProblemException.BadRequest("filter.from must be before filter.to.", new FieldError("filter.from", "must be before filter.to"));
        }
        return (null, new ReplayFilter(type, RequestJson.OptionalString(filter, "source", "filter.source"), RequestJson.OptionalString(filter, "subject", "filter.subject"), from, to), target);
    }

    private ReplayTarget ParseTarget(JsonNode? node)
    {
        if (node is null)
        {
            return ReplayTarget.All;
        }
        if (node is not JsonObject target)
        {
            throw ApiProblemException.BadRequest("target must be an object such as {\"kind\":\"all\"}.", new FieldError("target", "must be an object"));
        }
        switch (RequestJson.OptionalString(target, "kind", "target.kind"))
        {
            case "all":
                return ReplayTarget.All;
            case "handler":
                var name = RequestJson.OptionalString(target, "name", "target.name");
                var known = subscribers.Select(s => s.FunctionName).ToArray();
                return name is not null && known.Contains(name, StringComparer.Ordinal) ? new ReplayTarget("handler", name)
                    : throw ApiProblemException.Unprocessable($"Unknown handler '{name}'. Handlers: {string.Join(", ", known)}.", [new FieldError("target.name", "is not a handler")]);
            case "webhook":
                var id = RequestJson.OptionalString(target, "subscriptionId", "target.subscriptionId");
                return WebhookIds.IsSubscriptionId(id) ? new ReplayTarget("webhook", id)
                    : throw ApiProblemException.BadRequest("target.subscriptionId must be a webhook subscription id (whk_...).", new FieldError("target.subscriptionId", "is not a subscription id"));
            default:
                throw ApiProblemException.BadRequest("target.kind must be all, handler or webhook.", new FieldError("target.kind", "must be all, handler or webhook"));
        }
    }

    private static DateTimeOffset? Time(JsonObject filter, string name) =>
        QueryParameters.Time(RequestJson.OptionalString(filter, name, "filter." + name), "filter." + name);
}
