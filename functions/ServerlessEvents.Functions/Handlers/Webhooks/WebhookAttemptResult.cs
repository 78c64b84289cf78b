namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The result of one delivery attempt, ready for the delivery log.</summary>
/// <param name="Outcome">What the delivery loop should do next.</param>
/// <param name="StatusCode">The HTTP status, or null when no response arrived.</param>
/// <param name="Latency">From sending until the (capped) response body was read, or until failure.</param>
/// <param name="Error">Why the attempt failed (no secrets, no payload), or null on success.</param>
/// <param name="ResponseBody">The response body as UTF-8 text, cut at <see cref="WebhookOptions.MaxResponseBodyBytes"/>.</param>
/// <param name="ResponseBodyTruncated">Whether the receiver sent more than the cap.</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c> on 429 or 503, as a delay from now.</param>
/// <param name="AttemptedAt">When the attempt was signed and sent (its <c>webhook-timestamp</c>).</param>
public sealed record WebhookAttemptResult(
    WebhookAttemptOutcome Outcome,
    int? StatusCode,
    TimeSpan Latency,
    string? Error,
    string? ResponseBody,
    bool ResponseBodyTruncated,
    TimeSpan? RetryAfter,
    DateTimeOffset AttemptedAt)
{
    /// <summary>True only for a 2xx answer.</summary>
    public bool Succeeded => Outcome == WebhookAttemptOutcome.Succeeded;
}
