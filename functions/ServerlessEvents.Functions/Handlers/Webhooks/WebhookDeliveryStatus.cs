namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The states of a delivery.</summary>
public static class WebhookDeliveryStatus
{
    /// <summary>Not yet delivered; an attempt is due (now or from the retry queue).</summary>
    public const string Pending = "pending";

    /// <summary>A receiver answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Dead-lettered: attempts exhausted, 410 Gone, refused target or disabled subscription. Re-drivable.</summary>
    public const string Failed = "failed";

    /// <summary>Whether <paramref name="status"/> is one of the states.</summary>
    public static bool IsKnown(string? status) => status is Pending or Delivered or Failed;
}
