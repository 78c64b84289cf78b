namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Why a webhook failed verification.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>Verification succeeded.</summary>
    None = 0,

    /// <summary>A required header (<c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c>) is absent or empty.</summary>
    MissingHeader,

    /// <summary><c>webhook-timestamp</c> is not an integer number of Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary><c>webhook-timestamp</c> is older than the tolerance allows.</summary>
    TimestampTooOld,

    /// <summary><c>webhook-timestamp</c> is further in the future than the tolerance allows.</summary>
    TimestampTooNew,

    /// <summary>No <c>v1</c> signature matches any of the secrets.</summary>
    NoMatchingSignature,
}
