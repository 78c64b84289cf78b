using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>Reads a small JSON object request body; anything else is a 400 problem, never a 500.</summary>
public static class RequestJson
{
    /// <summary>The largest body accepted, in bytes.</summary>
    public const int MaxBytes = 256_000;

    /// <summary>Reads the body as a JSON object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            throw new ApiProblemException(413, "The body is too large.", $"The body may be at most {MaxBytes} bytes.");
        }
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return node as JsonObject ?? throw ApiProblemException.BadRequest("The body must be a JSON object.", new FieldError("body", "must be a JSON object"));
        }
        catch (JsonException exception)
        {
            throw ApiProblemException.BadRequest($"The body is not valid JSON: {exception.Message}", new FieldError("body", "is not valid JSON"));
        }
    }

    /// <summary>An optional string member; a value of another kind is a 400 naming the field.</summary>
    public static string? OptionalString(JsonObject body, string name, string field) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw ApiProblemException.BadRequest($"'{field}' must be a string.", new FieldError(field, "must be a string")),
    };
}
