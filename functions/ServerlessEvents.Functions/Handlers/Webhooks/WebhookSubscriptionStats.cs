namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Delivery health of one subscription, counted per attempt (for the dashboard and auto-disable).</summary>
/// <param name="SuccessCount">Attempts answered 2xx.</param>
/// <param name="FailureCount">Attempts that failed (any other answer, timeouts, refusals).</param>
/// <param name="LastSuccessAt">The latest 2xx.</param>
/// <param name="FailingSince">The first failure of the current unbroken failure streak, or null.</param>
/// <param name="LastAttemptAt">The latest attempt.</param>
/// <param name="LastError">Why the latest failed attempt failed.</param>
public sealed record WebhookSubscriptionStats(
    long SuccessCount, long FailureCount, DateTimeOffset? LastSuccessAt, DateTimeOffset? FailingSince, DateTimeOffset? LastAttemptAt, string? LastError)
{
    /// <summary>Successful attempts as a fraction of all attempts, or null before the first.</summary>
    public double? SuccessRate => SuccessCount + FailureCount == 0 ? null : (double)SuccessCount / (SuccessCount + FailureCount);
}
