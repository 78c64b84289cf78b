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

    /// <summary>In-app notifications: partition <c>{tenant}|{escaped userId}</c>, rows newest first.</summary>
    public const string Notifications = "Notifications";

    /// <summary>Users' notification preferences per type and channel: partition tenant, row escaped user id.</summary>
    public const string NotificationPreferences = "NotificationPreferences";

    /// <summary>Emails sent, one row per (delivery dedup key, recipient), so a redelivery never sends twice.</summary>
    public const string EmailSends = "EmailSends";

    /// <summary>Per-tenant settings a tenant manages itself (e.g. its admins' email addresses).</summary>
    public const string TenantSettings = "TenantSettings";

    /// <summary>Pull consumers (Consumers/): their event types and checkpoints.</summary>
    public const string Consumers = "Consumers";

    /// <summary>Replay jobs (Replay/): selection, target and progress.</summary>
    public const string Replays = "Replays";

    /// <summary>Retention (Retention/): per-tenant periods and the sweeper's checkpoints.</summary>
    public const string Retention = "Retention";

    /// <summary>All tables, for start-up creation and the infra consistency test.</summary>
    public static IReadOnlyList<string> All { get; } = [Events, EventIndex, Tenants, HandlerFailures, Metrics, WebhookSubscriptions, WebhookSecrets, WebhookDeliveries, Notifications, NotificationPreferences, EmailSends, TenantSettings, Consumers, Replays, Retention];
}
