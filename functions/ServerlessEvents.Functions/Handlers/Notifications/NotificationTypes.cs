namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// The notification types preferences are kept for: the union of every registered <see cref="INotificationTypeSource"/>
/// (the event types that have an in-app rule or an email template).
/// </summary>
public sealed class NotificationTypes(IEnumerable<INotificationTypeSource> sources)
{
    /// <summary>Every type, sorted.</summary>
    public IReadOnlyList<string> All { get; } =
        sources.SelectMany(s => s.Types).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>True for a known type.</summary>
    public bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
