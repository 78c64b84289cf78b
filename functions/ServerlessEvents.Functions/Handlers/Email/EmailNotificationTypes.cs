using ServerlessEvents.Functions.Notifications;

namespace ServerlessEvents.Functions.Email;

/// <summary>The email channel's notification types: those with an <see cref="EmailTemplates"/> template.</summary>
internal sealed class EmailNotificationTypes : INotificationTypeSource
{
    public IReadOnlyList<string> Types => EmailTemplates.Types;
}
