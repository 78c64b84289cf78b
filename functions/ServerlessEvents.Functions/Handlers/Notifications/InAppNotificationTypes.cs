namespace ServerlessEvents.Functions.Notifications;

/// <summary>The in-app channel's notification types: those with a <see cref="NotificationRules"/> rule.</summary>
internal sealed class InAppNotificationTypes : INotificationTypeSource
{
    public IReadOnlyList<string> Types => NotificationRules.Types;
}
