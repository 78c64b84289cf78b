using Microsoft.Net.Http.Headers;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>The answers of <c>eventTypesList</c> and <c>eventTypesGet</c>, both from precomputed bytes, and the schema media-type choice.</summary>
internal static class CatalogResponses
{
    public const string SchemaMediaType = "application/schema+json";

    /// <summary><c>GET /api/event-types</c>: <c>[{type, version, schemaUrl}]</c>, ordered by type.</summary>
    public static IResult List(EventTypeCatalog catalog) => Results.Bytes(catalog.ListJson, "application/json");

    /// <summary>
    /// <c>GET /api/event-types/{type}</c>: the type's JSON Schema as <c>application/schema+json</c>, or as
    /// <c>application/json</c> when the client accepts that but not schema+json. Unknown type: 404 problem.
    /// </summary>
    public static IResult Get(string type, HttpRequest request, EventTypeCatalog catalog)
    {
        if (!catalog.TryGet(type, out var info))
        {
            var problem = ApiProblemException.NotFound($"There is no event type '{type}'.");
            problem.Extensions["knownTypes"] = catalog.TypeNames;
            throw problem;
        }
        return Results.Bytes(info.SchemaUtf8, MediaTypeFor(request.Headers.Accept.ToString()));
    }

    /// <summary>The media type to answer a schema with, given the Accept header.</summary>
    public static string MediaTypeFor(string accept)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var accepted))
        {
            return SchemaMediaType;
        }
        var wantsJson = false;
        foreach (var media in accepted)
        {
            if (media.Quality is 0)
            {
                continue;
            }
            if (media.MediaType.Equals(SchemaMediaType, StringComparison.OrdinalIgnoreCase) || media.MatchesAllTypes || media.MatchesAllSubTypes)
            {
                return SchemaMediaType;
            }
            wantsJson |= media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        }
        return wantsJson ? "application/json" : SchemaMediaType;
    }
}
