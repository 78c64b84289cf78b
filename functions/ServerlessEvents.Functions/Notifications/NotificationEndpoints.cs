using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>Maps the notification functions for the custom handler; <see cref="NotificationFunctions"/> holds their code.</summary>
public static class NotificationEndpoints
{
    /// <summary>Maps the list and read functions.</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("notificationsList", (HttpContext c, string userId) => c.Function<NotificationFunctions>().ListAsync(c.Request, userId)).RequireTenant();
        endpoints.MapHttpFunction("notificationRead", (HttpContext c, string userId, string id) => c.Function<NotificationFunctions>().ReadAsync(c.Request, userId, id)).RequireTenant();
        return endpoints;
    }
}
