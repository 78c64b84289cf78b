using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>Reads a small JSON object request body; anything else is a 400 problem, never a 500.</summary>
public static class RequestJson
{
    /// <summary>The largest body accepted, in bytes (256 KB: management and settings bodies are small).</summary>
    public const int MaxBytes = 256_000;

    /// <summary>Reads the body as a JSON object; a body over <see cref="MaxBytes"/> (declared or streamed) is a 413.</summary>
    public static Task<JsonObject> ReadObjectAsync(HttpContext context) => ReadObjectAsync(context.Request, context.RequestAborted);

    /// <summary>Reads the body as a JSON object; a body over <see cref="MaxBytes"/> (declared or streamed) is a 413.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16_384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) as JsonObject
                ?? throw ApiProblemException.BadRequest("The body must be a JSON object.", new FieldError("body", "must be a JSON object"));
        }
        catch (JsonException exception)
        {
            throw ApiProblemException.BadRequest($"The body is not valid JSON: {exception.Message}", new FieldError("body", "is not valid JSON"));
        }
    }

    private static ApiProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"The body may be at most {MaxBytes} bytes.");

    /// <summary>An optional string member; a value of another kind is a 400 naming the field.</summary>
    public static string? OptionalString(JsonObject body, string name, string field) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw ApiProblemException.BadRequest($"'{field}' must be a string.", new FieldError(field, "must be a string")),
    };
}
