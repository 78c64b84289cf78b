namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// What a subscriber did with one delivery, in domain terms: applied it, or had nothing to do (with the reason).
/// Failures are exceptions: <see cref="PermanentEventFailureException"/> for an event that can never be processed,
/// anything else for a retry. The hosting edge (<see cref="SubscriberFunctions"/>) logs the note.
/// </summary>
/// <param name="Applied">True when the delivery changed something (sent, stored, counted).</param>
/// <param name="Note">A short line for the invocation log, or null.</param>
public sealed record SubscriberResult(bool Applied, string? Note = null)
{
    /// <summary>The delivery was applied.</summary>
    public static SubscriberResult Done { get; } = new(true);

    /// <summary>The delivery needed nothing from this subscriber.</summary>
    public static SubscriberResult Skipped(string reason) => new(false, reason);
}
