using Microsoft.Azure.Functions.Worker;

namespace ServerlessEvents.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of this API, anonymous and cacheable (ETag, 304).</summary>
public sealed class OpenApiFunction(OpenApiDocumentBuilder document)
{
    /// <summary>The document.</summary>
    [Function("openApiDocument")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "public, max-age=300";
        headers.ETag = document.ETag;
        if (request.Headers.IfNoneMatch.Any(tag => tag == document.ETag || tag == "*"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(document.Json, "application/json");
    }
}
