namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// A channel's contribution to the notification types users keep preferences for: the in-app rules register
/// theirs, the email templates theirs, so this feature need not know the other channels.
/// </summary>
public interface INotificationTypeSource
{
    /// <summary>The event types this channel can notify about.</summary>
    IReadOnlyList<string> Types { get; }
}
