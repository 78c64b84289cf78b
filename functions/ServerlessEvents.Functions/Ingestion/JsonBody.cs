using System.Text.Json;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Parses a request body once into a <see cref="JsonElement"/> that owns its own copy of the bytes.</summary>
internal static class JsonBody
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Whether the body is empty or only whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> body) => body.TrimStart(" \t\r\n"u8).IsEmpty;

    /// <summary>Parses exactly one JSON value; anything else is a 400 naming <paramref name="field"/>, line and position.</summary>
    public static JsonElement Parse(ReadOnlySpan<byte> body, string field)
    {
        if (body.StartsWith("\xEF\xBB\xBF"u8))
        {
            body = body[3..];
        }
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            var root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.", null, 0, reader.BytesConsumed);
            }
            return root;
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            throw ApiProblemException.BadRequest(
                $"The body is not valid JSON: {ex.Message}",
                new FieldError(field, $"is not valid JSON (line {line}, byte {position} of the line)"));
        }
    }
}
