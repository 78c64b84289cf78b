using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// <c>GET /api/users/{userId}/notifications</c> (newest first, <c>unread</c>, <c>limit</c>, <c>continuationToken</c>) and
/// <c>POST /api/users/{userId}/notifications/{id}/read</c>, in the caller's tenant only: another tenant's user has no
/// notifications here (an empty list; 404 for an id).
/// </summary>
public sealed class NotificationFunctions(NotificationStore store, TimeProvider clock)
{
    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 50, MaxLimit = 200;

    /// <summary>A page of the user's notifications.</summary>
    [Function("notificationsList"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/{userId}/notifications")] HttpRequest request, string userId)
    {
        var context = request.HttpContext;
        var user = UserIds.Require(userId);
        var q = request.Query;
        var unread = ParseBool(q["unread"]);
        var limit = QueryParameters.Limit(q["limit"], DefaultLimit, MaxLimit);
        var after = string.IsNullOrEmpty(q["continuationToken"]) ? null : NotificationToken.Decode(q["continuationToken"]!);
        var page = await store.ListAsync(context.Caller().Tenant, user, unread, limit, after, context.RequestAborted);
        var now = clock.GetUtcNow();
        var items = new JsonArray(page.Items.Select(n => (JsonNode?)n.ToJson(now)).ToArray());
        return Results.Json(new JsonObject
        {
            ["items"] = items,
            ["count"] = items.Count,
            ["continuationToken"] = page.NextRowKey is null ? null : NotificationToken.Encode(page.NextRowKey),
        });
    }

    /// <summary>Marks one notification read and returns it.</summary>
    [Function("notificationRead"), CallerAccess(CallerAccess.Tenant)]
    public async Task<IResult> ReadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "users/{userId}/notifications/{id}/read")] HttpRequest request, string userId, string id)
    {
        var context = request.HttpContext;
        var user = UserIds.Require(userId);
        var notification = NotificationKeys.IsId(id) ? await store.MarkReadAsync(context.Caller().Tenant, user, id, context.RequestAborted) : null;
        return notification is null
            ? throw ApiProblemException.NotFound($"User '{user}' has no notification '{id}' in your tenant.")
            : Results.Json(notification.ToJson(clock.GetUtcNow()));
    }

    private static bool ParseBool(string? text) => text switch
    {
        null or "" or "false" => false,
        "true" => true,
        _ => throw ApiProblemException.BadRequest("unread must be true or false.", new FieldError("unread", "must be true or false")),
    };
}
