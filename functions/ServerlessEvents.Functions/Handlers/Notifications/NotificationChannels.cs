namespace ServerlessEvents.Functions.Notifications;

/// <summary>The channels a user can allow or refuse per notification type.</summary>
public static class NotificationChannels
{
    /// <summary>In-app notifications (the Notifications table and the SignalR push).</summary>
    public const string InApp = "inApp";

    /// <summary>Email.</summary>
    public const string Email = "email";

    /// <summary>Both channels.</summary>
    public static IReadOnlyList<string> All { get; } = [InApp, Email];
}
