using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// Where a JsonSchema.Net error points: the field in our notation (<c>data.items[2].quantity</c>), the value there
/// and the subschema that applies to it (following <c>properties</c>, <c>additionalProperties</c> and
/// <c>items</c>, the only applicators the generated schemas use), so a message can quote the schema's limits.
/// </summary>
internal readonly record struct SchemaLocation(string Field, JsonElement Value, JsonElement Schema)
{
    /// <summary>Follows an RFC 6901 instance pointer (e.g. <c>/items/2/quantity</c>) from the data's root.</summary>
    public static SchemaLocation Resolve(JsonElement schema, JsonElement data, string pointer, string root)
    {
        var field = new StringBuilder(root);
        foreach (var raw in pointer.Split('/', StringSplitOptions.None).Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (data.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                data = index < data.GetArrayLength() ? data[index] : default;
                schema = Child(schema, "items");
                field.Append('[').Append(index).Append(']');
                continue;
            }
            data = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(segment, out var member) ? member : default;
            schema = Child(Child(schema, "properties"), segment) is { ValueKind: not JsonValueKind.Undefined } declared
                ? declared
                : Child(schema, "additionalProperties");
            if (field.Length > 0)
            {
                field.Append('.');
            }
            field.Append(segment);
        }
        return new SchemaLocation(field.ToString(), data, schema);
    }

    /// <summary>A member of a schema object; undefined when absent or when the schema is a boolean.</summary>
    public static JsonElement Child(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var child) ? child : default;
}
