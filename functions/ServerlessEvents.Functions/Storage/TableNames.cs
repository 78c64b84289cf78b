namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// Every table the handler uses. The app creates them at start-up when missing; infra/ creates them in Azure.
/// A test keeps this list and the Bicep storage module in step.
/// </summary>
public static class TableNames
{
    /// <summary>The audit log: one row per event (plus data chunks), partitioned by tenant and time bucket.</summary>
    public const string Events = "Events";
    /// <summary>Secondary index rows: by id, by type, and the de-duplication keys.</summary>
    public const string EventIndex = "EventIndex";
    /// <summary>Tenants and the hashes of their API keys.</summary>
    public const string Tenants = "Tenants";

    /// <summary>Events a subscriber could never process, with the reason.</summary>
    public const string HandlerFailures = "HandlerFailures";

    /// <summary>Sharded counters and their "already counted" markers (Metrics/, docs/metrics.md).</summary>
    public const string Metrics = "Metrics";

    /// <summary>Webhook subscriptions, one partition per tenant.</summary>
    public const string WebhookSubscriptions = "WebhookSubscriptions";

    /// <summary>Webhook signing secrets, apart from the subscriptions (never listed, never returned after creation).</summary>
    public const string WebhookSecrets = "WebhookSecrets";

    /// <summary>Webhook deliveries with their attempt log, plus the per-tenant undelivered index.</summary>
    public const string WebhookDeliveries = "WebhookDeliveries";

    /// <summary>All tables, for start-up creation and the infra consistency test.</summary>
    public static IReadOnlyList<string> All { get; } = [Events, EventIndex, Tenants, HandlerFailures, Metrics, WebhookSubscriptions, WebhookSecrets, WebhookDeliveries];
}
