namespace ServerlessEvents.Functions.Notifications;

/// <summary>How prominently a client shows a notification (serialised in lower case).</summary>
public enum NotificationPriority
{
    /// <summary>Background information.</summary>
    Low,
    /// <summary>The default.</summary>
    Normal,
    /// <summary>Needs attention soon.</summary>
    High,
    /// <summary>Needs attention now.</summary>
    Urgent,
}
