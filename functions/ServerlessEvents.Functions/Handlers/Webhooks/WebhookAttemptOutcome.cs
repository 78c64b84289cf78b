namespace ServerlessEvents.Functions.Webhooks;

/// <summary>How one delivery attempt ended, and so what the delivery loop does next.</summary>
public enum WebhookAttemptOutcome
{
    /// <summary>The receiver answered 2xx: the delivery is done.</summary>
    Succeeded,

    /// <summary>Any other answer (3xx, 4xx, 5xx), a timeout or a network error: retry on the schedule.</summary>
    Retry,

    /// <summary>The receiver answered 410 Gone: stop, and disable the subscription.</summary>
    Gone,

    /// <summary>The SSRF policy refused the target; no connection was made. Do not retry; the subscription needs a new URL.</summary>
    Refused,
}
