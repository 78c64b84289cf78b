using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// <c>GET /api/users/{userId}/notifications</c> (newest first, <c>unread</c>, <c>limit</c>, <c>continuationToken</c>) and
/// <c>POST /api/users/{userId}/notifications/{id}/read</c>, in the caller's tenant only: another tenant's user has no
/// notifications here (an empty list; 404 for an id).
/// </summary>
public static class NotificationEndpoints
{
    /// <summary>The default and largest page sizes.</summary>
    public const int DefaultLimit = 50, MaxLimit = 200;

    /// <summary>Maps the list and read functions.</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("notificationsList", async (string userId, HttpContext context, NotificationStore store, TimeProvider clock) =>
        {
            var user = UserIds.Require(userId);
            var q = context.Request.Query;
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
        }).RequireTenant();

        endpoints.MapHttpFunction("notificationRead", async (string userId, string id, HttpContext context, NotificationStore store, TimeProvider clock) =>
        {
            var user = UserIds.Require(userId);
            var notification = NotificationKeys.IsId(id) ? await store.MarkReadAsync(context.Caller().Tenant, user, id, context.RequestAborted) : null;
            return notification is null
                ? throw ApiProblemException.NotFound($"User '{user}' has no notification '{id}' in your tenant.")
                : Results.Json(notification.ToJson(clock.GetUtcNow()));
        }).RequireTenant();
        return endpoints;
    }

    private static bool ParseBool(string? text) => text switch
    {
        null or "" or "false" => false,
        "true" => true,
        _ => throw ApiProblemException.BadRequest("unread must be true or false.", new FieldError("unread", "must be true or false")),
    };

}
