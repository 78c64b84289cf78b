namespace ServerlessEvents.Functions.Webhooks;

/// <summary>A webhook request failed verification; <see cref="Reason"/> says why. Never contains secrets or payloads.</summary>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Creates the exception for a failure reason.</summary>
    public WebhookVerificationException(WebhookVerificationFailure reason)
        : base(Describe(reason))
    {
        Reason = reason;
    }

    /// <summary>Why verification failed.</summary>
    public WebhookVerificationFailure Reason { get; }

    /// <summary>A human-readable description of a failure reason.</summary>
    public static string Describe(WebhookVerificationFailure reason) => reason switch
    {
        WebhookVerificationFailure.MissingHeader => "A required webhook header (webhook-id, webhook-timestamp, webhook-signature) is missing.",
        WebhookVerificationFailure.InvalidTimestamp => "The webhook-timestamp header is not an integer number of Unix seconds.",
        WebhookVerificationFailure.TimestampTooOld => "The webhook-timestamp is too old.",
        WebhookVerificationFailure.TimestampTooNew => "The webhook-timestamp is too far in the future.",
        WebhookVerificationFailure.NoMatchingSignature => "No webhook signature matches.",
        _ => "The webhook verified.",
    };
}
