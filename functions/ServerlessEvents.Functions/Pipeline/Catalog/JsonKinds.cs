using System.Text.Json;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>Names JSON value kinds in error messages ("an object", "a string", "null").</summary>
internal static class JsonKinds
{
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

    /// <summary>Names the JSON Schema <c>type</c> keyword's value, e.g. "a string or null"; "any value" when absent.</summary>
    public static string DescribeTypes(JsonElement type)
    {
        var names = type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()!).ToList(),
            _ => [],
        };
        if (names.Count == 0)
        {
            return "any value";
        }
        var described = names.Where(n => n != "null").Select(n => n switch
        {
            "integer" => "an integer",
            "array" => "an array",
            "object" => "an object",
            _ => "a " + n,
        }).ToList();
        if (names.Contains("null"))
        {
            described.Add("null");
        }
        return string.Join(" or ", described);
    }
}
