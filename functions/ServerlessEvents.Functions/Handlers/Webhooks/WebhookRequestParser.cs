using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// Reads and validates subscription requests: <c>{url, eventTypes, description?, filter?, enabled?}</c>. A body that
/// is not a JSON object is 400; invalid fields are 422 with one field error each. The URL goes through the SSRF policy.
/// </summary>
public sealed class WebhookRequestParser(EventTypeCatalog catalog, WebhookTargetPolicy policy)
{
    /// <summary>Most event types, filter conditions and description characters a subscription may have.</summary>
    public const int MaxEventTypes = 50, MaxConditions = 10, MaxDescription = 500;

    private static readonly string[] CreateFields = ["url", "eventTypes", "description", "filter"];
    private static readonly string[] UpdateFields = ["url", "eventTypes", "description", "filter", "enabled"];

    /// <summary>Validates a create request (url and eventTypes required).</summary>
    public WebhookSubscriptionInput ParseCreate(JsonObject body) => Parse(body, CreateFields, required: true);

    /// <summary>Validates an update request (every field optional).</summary>
    public WebhookSubscriptionInput ParseUpdate(JsonObject body) => Parse(body, UpdateFields, required: false);

    private WebhookSubscriptionInput Parse(JsonObject body, string[] allowed, bool required)
    {
        var errors = new List<FieldError>();
        errors.AddRange(body.Where(p => !allowed.Contains(p.Key)).Select(p => new FieldError(p.Key, "is not a known field")));
        var url = body.TryGetPropertyValue("url", out var u) ? ParseUrl(u, errors) : Missing<Uri>("url", required, errors);
        var types = body.TryGetPropertyValue("eventTypes", out var t) ? ParseTypes(t, errors) : Missing<string[]>("eventTypes", required, errors);
        var filter = body.TryGetPropertyValue("filter", out var f) ? WebhookFilterParser.Parse(f, errors) : null;
        var hasDescription = body.TryGetPropertyValue("description", out var d);
        string? description = null;
        if (hasDescription && d is not null && (d.GetValueKind() != JsonValueKind.String || (description = d.GetValue<string>()).Length > MaxDescription))
        {
            errors.Add(new FieldError("description", $"must be a string of at most {MaxDescription} characters"));
        }
        bool? enabled = null;
        if (body.TryGetPropertyValue("enabled", out var e))
        {
            if (e?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                enabled = e.GetValue<bool>();
            }
            else
            {
                errors.Add(new FieldError("enabled", "must be true or false"));
            }
        }
        if (errors.Count > 0)
        {
            throw ApiProblemException.Unprocessable("The webhook subscription is invalid.", errors);
        }
        return new WebhookSubscriptionInput(url, types, filter, description, hasDescription, enabled);
    }

    private Uri? ParseUrl(JsonNode? node, List<FieldError> errors)
    {
        if (node?.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError("url", "must be a string"));
            return null;
        }
        try
        {
            return policy.ValidateUrl(node.GetValue<string>());
        }
        catch (WebhookTargetRefusedException refused)
        {
            errors.Add(new FieldError("url", "is refused: " + refused.Reason));
            return null;
        }
    }

    private string[]? ParseTypes(JsonNode? node, List<FieldError> errors)
    {
        if (node is not JsonArray array || array.Count is 0 or > MaxEventTypes)
        {
            errors.Add(new FieldError("eventTypes", $"must be an array of 1-{MaxEventTypes} event types or patterns such as \"order.*\" or \"*\""));
            return null;
        }
        var types = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i]?.GetValueKind() == JsonValueKind.String && array[i]!.GetValue<string>() is var type && WebhookTypePatterns.IsKnown(catalog, type))
            {
                types.Add(type);
            }
            else
            {
                errors.Add(new FieldError($"eventTypes[{i}]", "is not a known event type, a prefix pattern that selects one (\"order.*\"), or \"*\"; GET /api/event-types lists them"));
            }
        }
        return types.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static T? Missing<T>(string field, bool required, List<FieldError> errors) where T : class
    {
        if (required)
        {
            errors.Add(new FieldError(field, "is required"));
        }
        return null;
    }
}
