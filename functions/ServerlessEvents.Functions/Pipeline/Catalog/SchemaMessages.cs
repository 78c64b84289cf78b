using System.Text.Json;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// Words a failed keyword of JsonSchema.Net as the API's field message ("must be a number, not a string"), quoting
/// the subschema's value of the keyword. When one value breaks several keywords only the one with the lowest rank
/// is reported (a wrong type hides the rest, a range beats the integer format), as one message per field reads best.
/// </summary>
internal static class SchemaMessages
{
    /// <summary>The rank and message for a failed <paramref name="keyword"/> at <paramref name="at"/>.</summary>
    public static (int Rank, string Message) For(string keyword, string? libraryMessage, SchemaLocation at)
    {
        var limit = SchemaLocation.Child(at.Schema, keyword);
        return keyword switch
        {
            "type" => (0, Type(at)),
            "enum" => (1, "must be one of " + string.Join(", ", limit.EnumerateArray().Select(Quote))),
            "minLength" => (2, limit.GetInt32() == 1 ? "must not be empty" : $"must be at least {limit.GetInt32()} characters long"),
            "pattern" => (3, "must match the pattern " + limit.GetString()),
            "minimum" => (4, "must be at least " + limit.GetRawText()),
            "maximum" => (5, "must be at most " + limit.GetRawText()),
            "format" => (6, Format(limit.GetString() ?? "", at.Value)),
            _ => (7, libraryMessage ?? $"does not satisfy '{keyword}'"),
        };
    }

    private static string Type(SchemaLocation at)
    {
        var types = SchemaLocation.Child(at.Schema, "type");
        var integer = types.ValueKind == JsonValueKind.String ? types.ValueEquals("integer") : types.ValueKind == JsonValueKind.Array && types.EnumerateArray().Any(t => t.ValueEquals("integer"));
        return integer && at.Value.ValueKind == JsonValueKind.Number
            ? "must be an integer, not " + at.Value.GetRawText()
            : $"must be {JsonKinds.DescribeTypes(types)}, not {JsonKinds.Describe(at.Value.ValueKind)}";
    }

    private static string Format(string format, JsonElement value) => format switch
    {
        "date-time" => "must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z",
        "date" => "must be an RFC 3339 date such as 2024-05-01",
        "uuid" => "must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "email" => "must be an email address",
        "uri" => "must be an absolute URI",
        "int32" or "int64" => $"must be an integer written without a fraction or exponent that fits {format}, not {value.GetRawText()}",
        _ => $"must be a valid '{format}'",
    };

    private static string Quote(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.GetRawText();
}
