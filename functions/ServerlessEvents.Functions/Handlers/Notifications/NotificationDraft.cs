namespace ServerlessEvents.Functions.Notifications;

/// <summary>What a rule makes of an event: a notification for one user, before it is stored.</summary>
/// <param name="Type">The notification type (the event type; preferences are keyed by it).</param>
/// <param name="UserId">The recipient user (unescaped).</param>
/// <param name="Title">Short title.</param>
/// <param name="Body">One or two sentences.</param>
/// <param name="Priority">Priority.</param>
/// <param name="Link">An app-relative link to the subject, or null.</param>
/// <param name="ExpiresAfter">How long after the event the notification stays current.</param>
public sealed record NotificationDraft(string Type, string UserId, string Title, string Body, NotificationPriority Priority, string? Link, TimeSpan ExpiresAfter);
