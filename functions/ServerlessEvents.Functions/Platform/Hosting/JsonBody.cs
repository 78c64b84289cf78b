using System.Text.Json;

namespace ServerlessEvents.Functions.Hosting;

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
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            // The reader checks UTF-8 only lazily (when a string is read), so an overlong or truncated sequence
            // would otherwise surface later as an InvalidOperationException, i.e. a 500.
            throw ApiProblemException.BadRequest("The body is not valid UTF-8.", new FieldError(field, "is not valid UTF-8"));
        }
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            var root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.", null, 0, reader.BytesConsumed);
            }
            RejectUndecodableEscapes(body, field);
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

    /// <summary>The body as one JSON value, or null when it is not exactly one valid JSON value of valid text.</summary>
    public static JsonElement? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            return Parse(body, "body");
        }
        catch (ApiProblemException)
        {
            return null;
        }
    }

    /// <summary>
    /// An escape such as a lone <c>\ud800</c> is valid JSON syntax but not text: reading it later throws
    /// InvalidOperationException (a 500). Only escaped strings can hold one, so only those are decoded here.
    /// </summary>
    private static void RejectUndecodableEscapes(ReadOnlySpan<byte> body, string field)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            throw ApiProblemException.BadRequest("The body holds a string that is not valid text (an unpaired surrogate escape).",
                new FieldError(field, $"has an invalid \\u escape near byte {reader.BytesConsumed}"));
        }
    }
}
