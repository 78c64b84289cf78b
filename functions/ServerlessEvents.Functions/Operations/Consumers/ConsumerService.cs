using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// The pull-consumer use cases, always within one tenant: declare a consumer (types, where to start), read the next
/// page after its checkpoint, and move the checkpoint to a cursor a page returned. Client mistakes are
/// <see cref="ApiProblemException"/>s naming the field.
/// </summary>
public sealed partial class ConsumerService(ConsumerStore store, ConsumerFeedReader feed, EventTypeCatalog catalog, IOptions<ConsumerOptions> options)
{
    /// <summary>Creates or updates the consumer from a <c>{"eventTypes": [...], "startAt": "now"|"earliest"}</c> body.</summary>
    public async Task<(ConsumerDefinition Consumer, bool Created)> PutAsync(string tenant, string name, JsonObject body, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var types = ReadTypes(body["eventTypes"]);
        var startAt = RequestJson.OptionalString(body, "startAt", "startAt") switch
        {
            null or "now" => feed.Horizon(),
            "earliest" => FeedKeys.Start,
            _ => throw ApiProblemException.BadRequest("startAt must be \"now\" or \"earliest\".", new FieldError("startAt", "must be now or earliest")),
        };
        return await store.PutAsync(tenant, name, types, startAt, cancellationToken);
    }

    /// <summary>The next page of the consumer's events (<paramref name="limit"/> as the query gave it) and the cursor that acknowledges it.</summary>
    public async Task<JsonObject> ReadAsync(string tenant, string name, string? limit, CancellationToken cancellationToken)
    {
        var consumer = await store.GetAsync(tenant, name, cancellationToken)
            ?? throw ApiProblemException.NotFound($"No consumer named '{name}' in your tenant.");
        var size = QueryParameters.Limit(limit, Math.Min(100, options.Value.MaxPageSize), options.Value.MaxPageSize);
        var page = await feed.ReadAsync(consumer.Tenant, consumer.Checkpoint, consumer.Wants, size, cancellationToken);
        var items = new JsonArray(page.Events.Select(e => (JsonNode?)PublicEventJson.From(e)).ToArray());
        return new JsonObject { ["items"] = items, ["count"] = items.Count, ["cursor"] = ConsumerCursor.Encode(name, page.Position) };
    }

    /// <summary>Moves the checkpoint to <c>{"cursor": "…"}</c>; a cursor of another consumer or from the future is 400.</summary>
    public async Task<ConsumerDefinition> AckAsync(string tenant, string name, JsonObject body, CancellationToken cancellationToken)
    {
        var cursor = body["cursor"] is JsonValue v && v.TryGetValue<string>(out var text) ? text
            : throw ApiProblemException.BadRequest("The body must be {\"cursor\": \"...\"}.", new FieldError("cursor", "is required"));
        var position = ConsumerCursor.Decode(name, cursor);
        if (position is null || string.CompareOrdinal(position, feed.Horizon()) >= 0)
        {
            throw ApiProblemException.BadRequest("The cursor was not issued to this consumer.", new FieldError("cursor", "is not a cursor of this consumer"));
        }
        return await store.AdvanceAsync(tenant, name, position, cancellationToken);
    }

    /// <summary>The API's JSON form of a consumer.</summary>
    public static JsonObject Describe(ConsumerDefinition consumer) => new()
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

    private string[] ReadTypes(JsonNode? node)
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
