using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>Reads a small JSON object request body; anything else is a 400 problem.</summary>
public static class JsonRequest
{
    /// <summary>The largest body accepted, in bytes (64 KiB).</summary>
    public const int MaxBytes = 65_536;

    /// <summary>The body as a JSON object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new ApiProblemException(413, "The request body is too large.", $"The body must be at most {MaxBytes} bytes.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            throw new ApiProblemException(413, "The request body is too large.", $"The body must be at most {MaxBytes} bytes.");
        }
        try
        {
            return JsonNode.Parse(buffer.ToArray()) as JsonObject
                ?? throw ApiProblemException.BadRequest("The body must be a JSON object.", new FieldError("body", "must be a JSON object"));
        }
        catch (JsonException invalid)
        {
            throw ApiProblemException.BadRequest("The body is not valid JSON: " + invalid.Message, new FieldError("body", "is not valid JSON"));
        }
    }
}
