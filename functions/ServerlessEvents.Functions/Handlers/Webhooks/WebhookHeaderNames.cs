namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The HTTP header names a webhook delivery carries.</summary>
public static class WebhookHeaderNames
{
    /// <summary>Standard Webhooks message id: stable across retries, the receiver's idempotency key.</summary>
    public const string Id = "webhook-id";

    /// <summary>Standard Webhooks timestamp: Unix seconds of this attempt.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Standard Webhooks signatures: space-separated <c>v1,&lt;base64&gt;</c> entries.</summary>
    public const string Signature = "webhook-signature";

    /// <summary>Legacy signature: comma-separated <c>sha256=&lt;hex&gt;</c> HMACs of the body alone.</summary>
    public const string LegacySignature = "X-Webhook-Signature";

    /// <summary>The CloudEvents <c>type</c> of the delivered event.</summary>
    public const string EventType = "X-Event-Type";

    /// <summary>The CloudEvents <c>id</c> of the delivered event.</summary>
    public const string EventId = "X-Event-Id";

    /// <summary>The media type of the body: a CloudEvent in structured JSON mode.</summary>
    public const string CloudEventsContentType = "application/cloudevents+json";
}
