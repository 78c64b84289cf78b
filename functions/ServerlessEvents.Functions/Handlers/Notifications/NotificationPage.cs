namespace ServerlessEvents.Functions.Notifications;

/// <summary>One page of a user's notifications, newest first, and the row key to continue after (null at the end).</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, string? NextRowKey);
