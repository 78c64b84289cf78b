namespace ServerlessEvents.Functions.Webhooks;

/// <summary>One event's delivery to one subscription, with its attempt log. Stored in <c>WebhookDeliveries</c>.</summary>
public sealed record WebhookDelivery
{
    /// <summary>The owning tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The subscription.</summary>
    public required string SubscriptionId { get; init; }

    /// <summary>The <c>webhook-id</c> (see <see cref="WebhookIds.DeliveryId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>When the delivery was created (part of its row key).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The CloudEvents id.</summary>
    public required string EventId { get; init; }

    /// <summary>The CloudEvents source.</summary>
    public required string EventSource { get; init; }

    /// <summary>The CloudEvents type.</summary>
    public required string EventType { get; init; }

    /// <summary>The replay id when this is a replay's delivery.</summary>
    public string? ReplayId { get; init; }

    /// <summary>The body to send, when small enough to keep on the row; otherwise re-read from the event store.</summary>
    public byte[]? Body { get; init; }

    /// <summary><see cref="WebhookDeliveryStatus"/>.</summary>
    public string Status { get; init; } = WebhookDeliveryStatus.Pending;

    /// <summary>Attempts made in total.</summary>
    public int Attempts { get; init; }

    /// <summary>Attempts made before the current round (a manual re-drive starts a fresh round of the schedule).</summary>
    public int RoundStart { get; init; }

    /// <summary>When the next attempt is due, while pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>When a receiver answered 2xx.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When it was dead-lettered.</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Why the latest attempt failed, or why it was dead-lettered.</summary>
    public string? LastError { get; init; }

    /// <summary>The latest attempts (at most <see cref="WebhookDeliveryEntity.MaxLoggedAttempts"/>), oldest first.</summary>
    public IReadOnlyList<WebhookAttemptRecord> Log { get; init; } = [];

    /// <summary>The row's ETag when read.</summary>
    public Azure.ETag ETag { get; init; }

    /// <summary>Whether it counts as undelivered: dead-lettered, or pending after at least one attempt.</summary>
    public bool IsUndelivered => Status == WebhookDeliveryStatus.Failed || (Status == WebhookDeliveryStatus.Pending && Attempts > 0);
}
