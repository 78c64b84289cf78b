namespace ServerlessEvents.Functions.OpenApi;

/// <summary>A query parameter of an operation.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">Its JSON Schema type (<c>string</c>, <c>integer</c>, <c>boolean</c>).</param>
/// <param name="Description">What it does.</param>
/// <param name="Format">A JSON Schema format (<c>date-time</c>), if any.</param>
public sealed record ApiQueryParameter(string Name, string Type, string Description, string? Format = null);

/// <summary>
/// What the OpenAPI document says of one HTTP function beyond what its attributes declare (route, methods, access).
/// </summary>
/// <param name="Tag">The feature it belongs to.</param>
/// <param name="Summary">One line.</param>
/// <param name="Success">The success status.</param>
/// <param name="SuccessMediaType">The success body's media type; null when there is none.</param>
/// <param name="RequestSchema">The JSON request body's component schema name; null when the operation takes no JSON body.</param>
/// <param name="Query">Query parameters.</param>
public sealed record ApiOperation(string Tag, string Summary, int Success = 200, string? SuccessMediaType = "application/json",
    string? RequestSchema = null, IReadOnlyList<ApiQueryParameter>? Query = null);
