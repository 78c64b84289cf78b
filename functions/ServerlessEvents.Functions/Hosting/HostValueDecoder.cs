using System.Text.Json;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// Undoes the host's encodings of input and metadata values. The host JSON-encodes strings (queue messages,
/// Event Grid events, connection info) a second time, so a value may arrive as an object, as a string
/// holding JSON text, or as a string holding a JSON string literal. One rule serves them all.
/// </summary>
public static class HostValueDecoder
{
    /// <summary>The plain text of a value: a string decoded as often as it is quoted, or an object's raw JSON.</summary>
    public static string? AsText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                // A JSON string literal inside the string: the double encoding. Decode it once more.
                while (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                {
                    try
                    {
                        text = JsonSerializer.Deserialize<string>(text)!;
                    }
                    catch (JsonException)
                    {
                        break;
                    }
                }
                return text;
            default:
                return value.GetRawText();
        }
    }

    /// <summary>The value as a JSON element: objects and arrays as they are, JSON text inside strings parsed.</summary>
    public static JsonElement? AsJson(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return value;
        }
        var text = AsText(value);
        if (text is null)
        {
            return null;
        }
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '['))
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        return null;
    }
}
