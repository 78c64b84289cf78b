namespace ServerlessEvents.Functions.Email;

/// <summary>A rendered email before its recipients are resolved.</summary>
/// <param name="NotificationType">The notification type preferences are keyed by (the event type).</param>
/// <param name="Audience">Who receives it.</param>
/// <param name="To">The address, for <see cref="EmailAudience.Direct"/>.</param>
/// <param name="UserId">The user whose email preferences apply, when known.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Text">Plain-text body.</param>
/// <param name="Html">HTML body, values escaped.</param>
public sealed record EmailPlan(string NotificationType, EmailAudience Audience, string? To, string? UserId, string Subject, string Text, string Html);
