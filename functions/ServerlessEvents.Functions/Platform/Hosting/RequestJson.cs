using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The body reader of every management and query endpoint that takes a JSON body (ingestion has its own CloudEvents
/// rules on the same <see cref="JsonBody"/> parser). In order: a JSON media type (<c>application/json</c> or
/// <c>application/*+json</c>, UTF-8) or 415; at most <see cref="MaxBytes"/> before parsing or 413; valid UTF-8,
/// exactly one JSON value at most 64 deep, no undecodable escapes, or 400; an object with no repeated member name, or
/// 400 naming it; no control character (other than tab, CR and LF in values) in any member name or string, or 422
/// naming the field.
/// A client mistake is always a problem answer, never a 500.
/// </summary>
public static class RequestJson
{
    /// <summary>The largest body accepted, in bytes (256 KB: management and settings bodies are small).</summary>
    public const int MaxBytes = 256_000;

    /// <summary>Reads the body as a JSON object (see the class summary for what is refused).</summary>
    public static Task<JsonObject> ReadObjectAsync(HttpContext context) => ReadObjectAsync(context.Request, context.RequestAborted);

    /// <summary>Reads the body as a JSON object (see the class summary for what is refused).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        CheckContentType(request.ContentType);
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
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (JsonBody.IsBlank(body))
        {
            throw ApiProblemException.BadRequest("The body is empty; send a JSON object.", new FieldError("body", "is required: a JSON object"));
        }
        var root = JsonBody.Parse(body, "body");
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblemException.BadRequest("The body must be a JSON object.", new FieldError("body", "must be a JSON object"));
        }
        var repeated = new List<FieldError>();
        var controls = new List<FieldError>();
        Check(root, "", repeated, controls);
        if (repeated.Count > 0)
        {
            throw ApiProblemException.BadRequest("The body repeats a member name.", [.. repeated.Take(20)]);
        }
        if (controls.Count > 0)
        {
            // Well-formed JSON whose text no URL, header, key or address may hold: unprocessable, like any invalid field.
            throw ApiProblemException.Unprocessable("The body holds control characters.", [.. controls.Take(20)]);
        }
        return JsonObject.Create(root)!;
    }

    /// <summary>An optional string member; a value of another kind is a 400 naming the field.</summary>
    public static string? OptionalString(JsonObject body, string name, string field) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw ApiProblemException.BadRequest($"'{field}' must be a string.", new FieldError(field, "must be a string")),
    };

    private static void CheckContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            throw UnsupportedMediaType(contentType);
        }
        var type = media.MediaType.Value ?? "";
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        if (!json || (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            throw UnsupportedMediaType(contentType);
        }
    }

    private static ApiProblemException UnsupportedMediaType(string? contentType)
    {
        var problem = new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "The content type is not supported.",
            $"This endpoint takes a JSON body (Content-Type: application/json, UTF-8); the request sent {(string.IsNullOrWhiteSpace(contentType) ? "no Content-Type" : $"'{contentType}'")}.",
            [new FieldError("Content-Type", "must be application/json")]);
        return problem;
    }

    private static void Check(JsonElement element, string path, List<FieldError> repeated, List<FieldError> controls)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        repeated.Add(new FieldError(field, "is repeated; send each member once"));
                    }
                    if (property.Name.Any(char.IsControl))
                    {
                        controls.Add(new FieldError(Printable(field), "is refused: its name holds a control character"));
                    }
                    Check(property.Value, field, repeated, controls);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{path}[{index++}]", repeated, controls);
                }
                break;
            case JsonValueKind.String:
                if (element.GetString()!.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
                {
                    controls.Add(new FieldError(Printable(path), "is refused: it holds a control character"));
                }
                break;
        }
    }

    private static string Printable(string field) => new(field.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static ApiProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"The body may be at most {MaxBytes} bytes.");
}
