using Json.Schema;
using System.Text.Json;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// Turns JsonSchema.Net's list output into the API's per-field errors: one per field, in the order the library
/// reports them; <c>required</c> names each missing member, and the <c>false</c> schema behind
/// <c>additionalProperties: false</c> names the unknown member.
/// </summary>
internal static class SchemaErrors
{
    /// <summary>The errors of a failed evaluation of <paramref name="data"/> (named <paramref name="root"/>).</summary>
    public static IReadOnlyList<FieldError> From(EvaluationResults results, JsonElement schema, JsonElement data, string root)
    {
        var found = new Dictionary<string, (int Rank, string Message)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var node in (IEnumerable<EvaluationResults>?)results.Details is { } details ? details.Prepend(results) : [results])
        {
            if (node.Errors is not { Count: > 0 } errors)
            {
                continue;
            }
            var at = SchemaLocation.Resolve(schema, data, node.InstanceLocation.ToString(), root);
            foreach (var (keyword, message) in errors)
            {
                switch (keyword)
                {
                    case "required":
                        foreach (var name in SchemaLocation.Child(at.Schema, "required").EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (at.Value.ValueKind == JsonValueKind.Object && !at.Value.TryGetProperty(name, out _))
                            {
                                Add(found, order, at.Field + "." + name, (0, "is required"));
                            }
                        }
                        break;
                    case "":
                        var unknown = node.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal);
                        Add(found, order, at.Field, (0, unknown ? "is not a known member of this event type" : "is not allowed here"));
                        break;
                    default:
                        Add(found, order, at.Field, SchemaMessages.For(keyword, message, at));
                        break;
                }
            }
        }
        return order.Select(field => new FieldError(field, found[field].Message)).ToArray();
    }

    private static void Add(Dictionary<string, (int Rank, string Message)> found, List<string> order, string field, (int Rank, string Message) error)
    {
        if (!found.TryGetValue(field, out var existing))
        {
            order.Add(field);
            found[field] = error;
        }
        else if (error.Rank < existing.Rank)
        {
            found[field] = error;
        }
    }
}
