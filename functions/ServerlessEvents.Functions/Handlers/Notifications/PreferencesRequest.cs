using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>The body of <c>PUT /api/users/{userId}/preferences</c>: <c>{"preferences": {"order.shipped": {"inApp": true, "email": false}}}</c>.</summary>
public static class PreferencesRequest
{
    /// <summary>Validates a PUT body; a 422 problem lists every bad field.</summary>
    public static UserPreferences Parse(JsonObject body, NotificationTypes known)
    {
        var errors = body.Where(p => p.Key != "preferences").Select(p => new FieldError(p.Key, "is not a known member; send {\"preferences\": {...}}")).ToList();
        if (body["preferences"] is not JsonObject types)
        {
            errors.Add(new FieldError("preferences", "is required: an object keyed by notification type"));
            throw ApiProblemException.Unprocessable("The preferences are invalid.", errors);
        }
        var choices = new Dictionary<string, IReadOnlyDictionary<string, bool>>(StringComparer.Ordinal);
        foreach (var (type, node) in types)
        {
            if (!known.IsKnown(type))
            {
                errors.Add(new FieldError($"preferences.{type}", $"is not a notification type; known types: {string.Join(", ", known.All)}"));
                continue;
            }
            if (node is not JsonObject channels)
            {
                errors.Add(new FieldError($"preferences.{type}", "must be an object of channel: boolean"));
                continue;
            }
            var set = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (channel, value) in channels)
            {
                if (!NotificationChannels.All.Contains(channel, StringComparer.Ordinal))
                {
                    errors.Add(new FieldError($"preferences.{type}.{channel}", $"is not a channel; channels: {string.Join(", ", NotificationChannels.All)}"));
                }
                else if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    set[channel] = v.GetValue<bool>();
                }
                else
                {
                    errors.Add(new FieldError($"preferences.{type}.{channel}", "must be true or false"));
                }
            }
            choices[type] = set;
        }
        return errors.Count == 0 ? new UserPreferences(choices) : throw ApiProblemException.Unprocessable("The preferences are invalid.", errors);
    }
}
