using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>In-app notifications, user preferences and the <c>notifications</c> subscriber.</summary>
public static class NotificationsModule
{
    /// <summary>Adds the stores, the notification types and the subscriber.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<UserPreferencesStore>();
        services.AddSingleton<NotificationTypes>();
        services.AddSingleton<INotificationTypeSource, InAppNotificationTypes>();
        services.AddSingleton<IRetentionParticipant, NotificationsRetention>();
        services.AddSingleton<IEventSubscriber, NotificationsSubscriber>();
        return services;
    }
}
