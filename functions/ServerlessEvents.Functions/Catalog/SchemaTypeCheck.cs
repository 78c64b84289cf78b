using System.Text.Json;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>Matches JSON values against the <c>type</c> and <c>enum</c> keywords.</summary>
internal static class SchemaTypeCheck
{
    /// <summary>
    /// Whether <paramref name="value"/> has one of <paramref name="types"/>. An integer must be written without
    /// a fraction or exponent and fit 64 bits, as the records' integer members read it.
    /// </summary>
    public static bool Matches(JsonTypes types, JsonElement value, out string? integerProblem)
    {
        integerProblem = null;
        if (types == JsonTypes.Any)
        {
            return true;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return types.HasFlag(JsonTypes.Null);
            case JsonValueKind.True or JsonValueKind.False:
                return types.HasFlag(JsonTypes.Boolean);
            case JsonValueKind.String:
                return types.HasFlag(JsonTypes.String);
            case JsonValueKind.Array:
                return types.HasFlag(JsonTypes.Array);
            case JsonValueKind.Object:
                return types.HasFlag(JsonTypes.Object);
            case JsonValueKind.Number when types.HasFlag(JsonTypes.Number):
                return true;
            case JsonValueKind.Number when types.HasFlag(JsonTypes.Integer):
                if (value.TryGetInt64(out _))
                {
                    return true;
                }
                integerProblem = "must be an integer, not " + value.GetRawText();
                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether a value is one of the allowed enum values (strings, or null when listed).</summary>
    public static bool InEnum(IReadOnlyList<string?> allowed, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return allowed.Contains(null);
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        foreach (var candidate in allowed)
        {
            if (candidate is not null && value.ValueEquals(candidate))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Names a JSON kind for messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
