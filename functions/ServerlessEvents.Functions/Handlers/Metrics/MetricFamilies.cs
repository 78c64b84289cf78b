namespace ServerlessEvents.Functions.Metrics;

/// <summary>Every metric the app exposes at <c>GET /api/metrics</c> (docs/metrics.md).</summary>
public static class MetricFamilies
{
    /// <summary>Events published and received by the metrics subscriber, once per event: labels tenant, type.</summary>
    public static readonly MetricFamily EventsIngested = new("serverlessevents_events_ingested_total", "counter",
        "Events stored and delivered to the metrics subscriber, counted once per event.");

    /// <summary>Replayed deliveries, once per replay: labels tenant, type.</summary>
    public static readonly MetricFamily EventsReplayed = new("serverlessevents_events_replayed_total", "counter",
        "Replayed event deliveries received by the metrics subscriber, counted once per replay.");

    /// <summary>Posted events answered "duplicate": label tenant.</summary>
    public static readonly MetricFamily Duplicates = new("serverlessevents_events_duplicate_total", "counter",
        "Posted events answered duplicate (already stored with the same content).");

    /// <summary>Posted events not stored: labels tenant, reason.</summary>
    public static readonly MetricFamily Rejections = new("serverlessevents_events_rejected_total", "counter",
        "Posted events not stored, by reason (malformed, invalid_data, unknown_type, too_large, conflict).");

    /// <summary>Subscriber invocations: labels tenant, handler, outcome (redeliveries count again).</summary>
    public static readonly MetricFamily HandlerInvocations = new("serverlessevents_handler_invocations_total", "counter",
        "Subscriber function invocations by handler and outcome (succeeded, failed, rejected); every redelivery is an invocation.");

    /// <summary>Seconds from storing an event to marking it published: label tenant.</summary>
    public static readonly MetricFamily PublishLag = new("serverlessevents_publish_lag_seconds", "summary",
        "Seconds from storing an event to Event Grid accepting it, recorded once per publication.");

    /// <summary>Webhook delivery attempts: labels tenant, outcome.</summary>
    public static readonly MetricFamily WebhookDeliveries = new("serverlessevents_webhook_deliveries_total", "counter",
        "Webhook delivery attempts by outcome.");

    /// <summary>Rows retention deleted: labels tenant, kind (events, handlerFailures, deliveries, ...).</summary>
    public static readonly MetricFamily RetentionDeleted = new("serverlessevents_retention_deleted_total", "counter",
        "Rows the retention sweeper deleted because they were older than the tenant's retention period, by kind.");

    /// <summary>All families, in exposition order.</summary>
    public static IReadOnlyList<MetricFamily> All { get; } =
        [EventsIngested, EventsReplayed, Duplicates, Rejections, HandlerInvocations, PublishLag, WebhookDeliveries, RetentionDeleted];
}
