using Microsoft.Azure.Functions.Worker;

namespace ServerlessEvents.Functions.Catalog;

/// <summary><c>GET /api/event-types</c> and <c>GET /api/event-types/{type}</c>: the catalog, answered from precomputed bytes.</summary>
public sealed class CatalogFunctions(EventTypeCatalog catalog)
{
    /// <summary><c>[{type, version, schemaUrl}]</c>, ordered by type.</summary>
    [Function("eventTypesList")]
    public IResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "event-types")] HttpRequest request) =>
        CatalogResponses.List(catalog);

    /// <summary>The type's JSON Schema (schema+json, or json when only that is accepted); 404 problem for an unknown type.</summary>
    [Function("eventTypesGet")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "event-types/{type}")] HttpRequest request, string type) =>
        CatalogResponses.Get(type, request, catalog);
}
