namespace ServerlessEvents.Functions.Webhooks;

/// <summary>One attempt in a delivery's log.</summary>
/// <param name="Number">1 for the first attempt of the delivery, counting across manual re-drives.</param>
/// <param name="At">When it was sent.</param>
/// <param name="Outcome">succeeded, retry, gone or refused.</param>
/// <param name="StatusCode">The receiver's status, or null when none arrived.</param>
/// <param name="LatencyMs">Milliseconds until the answer (or the failure).</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="ResponseBody">The receiver's body, cut at <see cref="WebhookOptions.MaxResponseBodyBytes"/>.</param>
/// <param name="ResponseBodyTruncated">Whether the receiver sent more.</param>
public sealed record WebhookAttemptRecord(
    int Number, DateTimeOffset At, string Outcome, int? StatusCode, double LatencyMs, string? Error, string? ResponseBody, bool ResponseBodyTruncated)
{
    /// <summary>The log entry of an attempt result.</summary>
    public static WebhookAttemptRecord From(int number, WebhookAttemptResult result) => new(
        number, result.AttemptedAt, result.Outcome.ToString().ToLowerInvariant(), result.StatusCode,
        Math.Round(result.Latency.TotalMilliseconds, 1), result.Error, result.ResponseBody, result.ResponseBodyTruncated);
}
