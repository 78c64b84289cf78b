using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Validates a subscription filter: an array of at most <see cref="WebhookRequestParser.MaxConditions"/> objects
/// <c>{"path": "data.currency", "equals": "EUR"}</c>. The path starts with a CloudEvents attribute name (lower-case
/// letters and digits, e.g. <c>subject</c>, <c>data</c>) followed by property names; <c>equals</c> is a string,
/// number, boolean or null.
/// </summary>
public static partial class WebhookFilterParser
{
    /// <summary>Longest <c>equals</c> value, as JSON text.</summary>
    public const int MaxValueLength = 1000;

    /// <summary>The conditions, or null with errors added.</summary>
    public static IReadOnlyList<WebhookFilterCondition>? Parse(JsonNode? node, List<FieldError> errors)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray array || array.Count > WebhookRequestParser.MaxConditions)
        {
            errors.Add(new FieldError("filter", $"must be an array of at most {WebhookRequestParser.MaxConditions} conditions {{\"path\": ..., \"equals\": ...}}"));
            return null;
        }
        var conditions = new List<WebhookFilterCondition>();
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"filter[{i}]";
            if (array[i] is not JsonObject condition || condition.Count != 2 || !condition.ContainsKey("path") || !condition.ContainsKey("equals"))
            {
                errors.Add(new FieldError(field, "must be an object with exactly \"path\" and \"equals\""));
                continue;
            }
            var path = condition["path"];
            if (path?.GetValueKind() != JsonValueKind.String || !PathPattern().IsMatch(path.GetValue<string>()))
            {
                errors.Add(new FieldError(field + ".path", "must be a dot-separated path starting with an event attribute, e.g. \"subject\" or \"data.currency\""));
                continue;
            }
            var equals = condition["equals"];
            if (equals?.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array || (equals?.ToJsonString().Length ?? 0) > MaxValueLength)
            {
                errors.Add(new FieldError(field + ".equals", $"must be a string, number, boolean or null of at most {MaxValueLength} characters"));
                continue;
            }
            conditions.Add(new WebhookFilterCondition(path.GetValue<string>(), JsonSerializer.SerializeToElement(equals)));
        }
        return conditions;
    }

    [GeneratedRegex(@"^[a-z0-9]{1,20}(\.[A-Za-z0-9_\-]{1,100}){0,10}$")]
    private static partial Regex PathPattern();
}
