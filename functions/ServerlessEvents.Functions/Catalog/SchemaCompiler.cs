using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>Compiles a JSON Schema document into <see cref="SchemaNode"/>s; refuses keywords it cannot enforce.</summary>
internal static class SchemaCompiler
{
    private static readonly HashSet<string> Annotations =
        ["$schema", "$id", "title", "description", "x-version", "default", "examples", "$comment"];

    public static SchemaNode Compile(JsonNode? node)
    {
        if (node is null || (node is JsonValue v && v.TryGetValue<bool>(out var allowAll) && allowAll))
        {
            return new SchemaNode();
        }
        var obj = node as JsonObject ?? throw new InvalidOperationException($"Unsupported schema node: {node.ToJsonString()}");
        foreach (var (key, _) in obj)
        {
            if (!Annotations.Contains(key) && key is not ("type" or "properties" or "required" or "additionalProperties" or "items"
                or "enum" or "format" or "pattern" or "minLength" or "minimum" or "maximum"))
            {
                throw new InvalidOperationException($"The catalog validator does not support the schema keyword '{key}'.");
            }
        }
        var additional = obj["additionalProperties"];
        var properties = obj["properties"] is JsonObject props
            ? props.ToDictionary(p => p.Key, p => Compile(p.Value), StringComparer.Ordinal)
            : null;
        return new SchemaNode
        {
            Types = ParseTypes(obj["type"]),
            Properties = properties,
            PropertyList = properties?.Select(p => (System.Text.Encoding.UTF8.GetBytes(p.Key), p.Value)).ToArray() ?? [],
            Required = obj["required"] is JsonArray required ? required.Select(r => r!.GetValue<string>()).ToArray() : [],
            AdditionalPropertiesAllowed = additional is not JsonValue a || !a.TryGetValue<bool>(out var allowed) || allowed,
            AdditionalProperties = additional is JsonObject ? Compile(additional) : null,
            Items = obj["items"] is { } items ? Compile(items) : null,
            Enum = obj["enum"] is JsonArray values ? values.Select(e => e?.GetValue<string>()).ToArray() : null,
            Format = obj["format"]?.GetValue<string>(),
            Pattern = obj["pattern"] is { } pattern
                ? new Regex(pattern.GetValue<string>(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100))
                : null,
            MinLength = obj["minLength"]?.GetValue<int>(),
            Minimum = obj["minimum"]?.GetValue<double>(),
            Maximum = obj["maximum"]?.GetValue<double>(),
        };
    }

    private static JsonTypes ParseTypes(JsonNode? type) => type switch
    {
        null => JsonTypes.Any,
        JsonArray many => many.Aggregate(JsonTypes.Any, (all, t) => all | ParseType(t!.GetValue<string>())),
        _ => ParseType(type.GetValue<string>()),
    };

    private static JsonTypes ParseType(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "array" => JsonTypes.Array,
        "object" => JsonTypes.Object,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type '{name}'."),
    };
}
