using System.Text.RegularExpressions;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// A JSON Schema compiled once for fast validation. Supports the keywords the catalog's schemas use:
/// type (incl. unions), properties, required, additionalProperties (boolean or schema), items, enum,
/// format (date-time, date, uuid, email, uri), pattern, minLength, minimum, maximum.
/// </summary>
internal sealed class SchemaNode
{
    public JsonTypes Types { get; init; }
    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }
    /// <summary>The properties with their UTF-8 names, to match members without allocating their names.</summary>
    public IReadOnlyList<(byte[] Utf8Name, SchemaNode Node)> PropertyList { get; init; } = [];
    public IReadOnlyList<string> Required { get; init; } = [];
    public bool AdditionalPropertiesAllowed { get; init; } = true;
    public SchemaNode? AdditionalProperties { get; init; }
    public SchemaNode? Items { get; init; }
    /// <summary>Allowed string values; a null entry allows JSON null.</summary>
    public IReadOnlyList<string?>? Enum { get; init; }
    public string? Format { get; init; }
    public Regex? Pattern { get; init; }
    public int? MinLength { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }

    /// <summary>Describes the allowed types for messages, e.g. "a string or null".</summary>
    public string Describe()
    {
        if (Types == JsonTypes.Any)
        {
            return "any value";
        }
        var names = new List<string>();
        foreach (var flag in System.Enum.GetValues<JsonTypes>())
        {
            if (flag != JsonTypes.Any && Types.HasFlag(flag))
            {
                names.Add(flag switch
                {
                    JsonTypes.Integer => "an integer",
                    JsonTypes.Array => "an array",
                    JsonTypes.Object => "an object",
                    JsonTypes.Null => "null",
                    _ => "a " + flag.ToString().ToLowerInvariant(),
                });
            }
        }
        if (Types.HasFlag(JsonTypes.Null))
        {
            names.Remove("null");
            names.Add("null");
        }
        return string.Join(" or ", names);
    }
}
