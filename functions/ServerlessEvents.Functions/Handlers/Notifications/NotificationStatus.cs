namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// The life of a notification. <c>pending</c>: stored, not yet pushed. <c>sent</c>: handed to SignalR as a push.
/// <c>failed</c>: it could not be pushed (real-time delivery is not configured); it is still listed.
/// <c>delivered</c>: the user's client fetched it (GET .../notifications). <c>read</c>: marked read (POST .../read).
/// <c>expired</c>: past its expiry and never read; computed when listed, never stored.
/// </summary>
public static class NotificationStatus
{
    /// <summary>Stored, not yet pushed.</summary>
    public const string Pending = "pending";
    /// <summary>Pushed over SignalR.</summary>
    public const string Sent = "sent";
    /// <summary>Could not be pushed.</summary>
    public const string Failed = "failed";
    /// <summary>Fetched by the user's client.</summary>
    public const string Delivered = "delivered";
    /// <summary>Marked read.</summary>
    public const string Read = "read";
    /// <summary>Past its expiry and not read (computed).</summary>
    public const string Expired = "expired";
}
