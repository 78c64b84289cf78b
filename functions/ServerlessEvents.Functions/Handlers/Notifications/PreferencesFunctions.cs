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
public sealed class PreferencesFunctions(UserPreferencesStore store, NotificationTypes types)
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
        var preferences = PreferencesRequest.Parse(await RequestJson.ReadObjectAsync(request, context.RequestAborted), types);
        await store.PutAsync(context.Caller().Tenant, user, preferences, context.RequestAborted);
        return Results.Json(Body(user, preferences));
    }

    private JsonObject Body(string userId, UserPreferences preferences) => new() { ["userId"] = userId, ["preferences"] = preferences.ToJson(types) };
}
