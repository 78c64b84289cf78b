using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// Generates the JSON Schema of an event type's record with <see cref="JsonSchemaExporter"/> and
/// <see cref="CatalogJson.Options"/>, then adds what the exporter cannot know: <c>$schema</c>, <c>title</c>,
/// <c>x-version</c>; <c>format</c> from <see cref="EmailAddressAttribute"/> (email) and <see cref="UrlAttribute"/> (uri);
/// <c>pattern</c> from <see cref="RegularExpressionAttribute"/>; <c>format</c> <c>int32</c>/<c>int64</c> on <see cref="int"/>/<see cref="long"/> members (an integer
/// literal, as the records read it); <c>minimum</c>/<c>maximum</c> from <see cref="RangeAttribute"/> and from the range of <see cref="int"/>; and <c>minLength: 1</c> on every
/// non-nullable string, so a required string is also non-empty.
/// </summary>
internal static class SchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Transform,
    };

    public static JsonObject Generate(Type dataType, string type, string version)
    {
        var node = CatalogJson.Options.GetJsonSchemaAsNode(dataType, ExporterOptions).AsObject();
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = $"urn:serverlessevents:event-type:{type}:{version}",
            ["title"] = type,
            ["x-version"] = version,
        };
        foreach (var (key, value) in node.ToArray())
        {
            node.Remove(key);
            schema[key] = value;
        }
        return schema;
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject obj)
        {
            return schema;
        }
        var type = context.TypeInfo.Type;
        if (type == typeof(int) || type == typeof(int?))
        {
            obj["format"] = "int32";
            obj["minimum"] ??= int.MinValue;
            obj["maximum"] ??= int.MaxValue;
        }
        if (type == typeof(long) || type == typeof(long?))
        {
            obj["format"] = "int64";
        }
        if (obj["type"] is JsonValue single && single.GetValue<string>() == "string" && type == typeof(string))
        {
            obj["minLength"] = 1;
        }
        var attributes = context.PropertyInfo?.AttributeProvider;
        if (attributes is null)
        {
            return obj;
        }
        foreach (var attribute in attributes.GetCustomAttributes(inherit: true))
        {
            switch (attribute)
            {
                case EmailAddressAttribute:
                    obj["format"] = "email";
                    break;
                case UrlAttribute:
                    obj["format"] = "uri";
                    break;
                case RegularExpressionAttribute regex:
                    obj["pattern"] = regex.Pattern;
                    break;
                case RangeAttribute range:
                    obj["minimum"] = JsonValue.Create(Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture));
                    obj["maximum"] = JsonValue.Create(Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        return obj;
    }

    /// <summary>The <see cref="EventTypeAttribute"/> of a type, if it has one.</summary>
    public static EventTypeAttribute? EventTypeOf(Type type) => type.GetCustomAttribute<EventTypeAttribute>(inherit: false);

    /// <summary>Writes a schema, indented for people reading it.</summary>
    public static string ToText(JsonObject schema) => schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
