using ServerlessEvents.Functions.Email;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// The notification types preferences are kept for: the event types that have an in-app rule or an email template.
/// </summary>
public static class NotificationTypes
{
    /// <summary>Every type, sorted.</summary>
    public static IReadOnlyList<string> All { get; } =
        NotificationRules.Types.Union(EmailTemplates.Types, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>True for a known type.</summary>
    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
