using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// <c>GET</c> and <c>PUT /api/users/{userId}/preferences</c> in the caller's tenant. The body is
/// <c>{"preferences": {"order.shipped": {"inApp": true, "email": false}}}</c>; PUT replaces the user's choices
/// (types and channels left out are allowed). Unknown types or channels and non-booleans are a 422 naming each field.
/// </summary>
public sealed class PreferencesFunctions(UserPreferencesStore store)
{
    /// <summary>The user's choices.</summary>
    [Function("preferencesGet"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/{userId}/preferences")] HttpRequest request, string userId)
    {
        var user = UserIds.Require(userId);
        return Results.Json(Body(user, await store.GetAsync(request.HttpContext.Caller().Tenant, user, request.HttpContext.RequestAborted)));
    }

    /// <summary>Replaces the user's choices.</summary>
    [Function("preferencesPut"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "users/{userId}/preferences")] HttpRequest request, string userId)
    {
        var context = request.HttpContext;
        var user = UserIds.Require(userId);
        var preferences = Parse(await RequestJson.ReadObjectAsync(request, context.RequestAborted));
        await store.PutAsync(context.Caller().Tenant, user, preferences, context.RequestAborted);
        return Results.Json(Body(user, preferences));
    }

    private static JsonObject Body(string userId, UserPreferences preferences) => new() { ["userId"] = userId, ["preferences"] = preferences.ToJson() };

    /// <summary>Validates a PUT body; a 422 problem lists every bad field.</summary>
    public static UserPreferences Parse(JsonObject body)
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
            if (!NotificationTypes.IsKnown(type))
            {
                errors.Add(new FieldError($"preferences.{type}", $"is not a notification type; known types: {string.Join(", ", NotificationTypes.All)}"));
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
