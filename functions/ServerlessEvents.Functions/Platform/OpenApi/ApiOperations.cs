namespace ServerlessEvents.Functions.OpenApi;

/// <summary>
/// The API's operations as the OpenAPI document describes them, by function name (and method, for a function that
/// serves several). <c>OpenApiDocumentTests</c> fails when an HTTP function has no entry here.
/// </summary>
public static class ApiOperations
{
    private static readonly ApiQueryParameter Limit = new("limit", "integer", "Page size.");
    private static readonly ApiQueryParameter From = new("from", "string", "Inclusive start: RFC 3339 with an offset.", "date-time");
    private static readonly ApiQueryParameter To = new("to", "string", "Exclusive end: RFC 3339 with an offset.", "date-time");

    /// <summary>Every entry, keyed <c>{function}</c> or <c>{function} {METHOD}</c>.</summary>
    public static IReadOnlyDictionary<string, ApiOperation> All { get; } = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        ["eventsIngest"] = new("Events", "Ingest one event (CloudEvents structured or binary mode, the simple or the legacy envelope).", 202, RequestSchema: "IncomingEvent"),
        ["eventsIngestBatch"] = new("Events", "Ingest up to 500 events; each item is answered on its own.", 202, RequestSchema: "IncomingBatch"),
        ["eventsList"] = new("History", "The tenant's events, newest first.", Query:
        [
            new("type", "string", "An exact type or a prefix such as order.*."), new("source", "string", "CloudEvents source."),
            new("subject", "string", "CloudEvents subject."), new("userId", "string", "The userid extension."),
            new("correlationId", "string", "The correlationid extension."), From, To, Limit,
            new("continuationToken", "string", "The token of the previous page."),
        ]),
        ["eventsGet"] = new("History", "One event by id, with its publication status."),
        ["eventsStats"] = new("History", "Counts by type over a window of at most 24 hours, with per-minute buckets.", Query: [From, To]),
        ["eventsReplay"] = new("Replay", "Replay events by ids or by a filter to every subscriber, one handler or one webhook subscription.", 202, RequestSchema: "ReplayRequest"),
        ["replaysGet"] = new("Replay", "A replay's progress."),
        ["eventTypesList"] = new("Catalog", "The event types, with their versions and schema URLs."),
        ["eventTypesGet"] = new("Catalog", "One event type's JSON Schema.", SuccessMediaType: "application/schema+json"),
        ["consumersPut"] = new("Consumers", "Declare or update a pull consumer (201 when created).", RequestSchema: "ConsumerDefinition"),
        ["consumersEvents"] = new("Consumers", "The next page after the consumer's checkpoint, with the cursor that acknowledges it.", Query: [Limit]),
        ["consumersAck"] = new("Consumers", "Move the checkpoint to a cursor a page returned.", RequestSchema: "ConsumerAck"),
        ["webhooksCreate"] = new("Webhooks", "Create a webhook subscription; the signing secret is in this answer only.", 201, RequestSchema: "WebhookCreate"),
        ["webhooksList"] = new("Webhooks", "The tenant's webhook subscriptions."),
        ["webhooksGet"] = new("Webhooks", "One webhook subscription."),
        ["webhooksUpdate"] = new("Webhooks", "Change a subscription's URL, event types, filter, description or enabled state.", RequestSchema: "WebhookUpdate"),
        ["webhooksDelete"] = new("Webhooks", "Delete a subscription.", 204, SuccessMediaType: null),
        ["webhooksRotateSecret"] = new("Webhooks", "Issue a new signing secret; the old one signs too for the overlap period.", RequestSchema: "Empty"),
        ["webhooksTest"] = new("Webhooks", "Send a signed test delivery now and report the receiver's answer.", RequestSchema: "Empty"),
        ["webhookDeliveriesList"] = new("Webhooks", "A subscription's delivery log.", Query: [new("status", "string", "pending, delivered or failed."), From, To, Limit]),
        ["webhookDeliveryRetry"] = new("Webhooks", "Re-drive one delivery now.", 202, RequestSchema: "Empty"),
        ["webhooksRecover"] = new("Webhooks", "Re-drive every failed delivery of a subscription since a time.", 202, RequestSchema: "WebhookRecover"),
        ["webhooksUndelivered"] = new("Webhooks", "Failed deliveries of every existing subscription since a time (default 7 days).", Query: [new("since", "string", "RFC 3339 with an offset.", "date-time"), Limit]),
        ["notificationsList"] = new("Notifications", "A user's in-app notifications.", Query: [new("unread", "boolean", "Only unread ones."), Limit]),
        ["notificationRead"] = new("Notifications", "Mark a notification read.", RequestSchema: "Empty"),
        ["preferencesGet"] = new("Notifications", "A user's notification preferences (every type and channel)."),
        ["preferencesPut"] = new("Notifications", "Replace a user's preferences.", RequestSchema: "Preferences"),
        ["emailSettingsGet"] = new("Settings", "The tenant's admin email addresses."),
        ["emailSettingsPut"] = new("Settings", "Replace the tenant's admin email addresses.", RequestSchema: "EmailSettings"),
        ["retentionSettings GET"] = new("Settings", "The tenant's retention period in days."),
        ["retentionSettings PUT"] = new("Settings", "Set the tenant's retention period.", RequestSchema: "RetentionSettings"),
        ["tenantKeysCreate"] = new("Management", "Create a key for a tenant (the tenant is created with its first key); the key is in this answer only.", 201, RequestSchema: "Empty"),
        ["tenantKeysRevoke"] = new("Management", "Revoke a tenant key.", 204, SuccessMediaType: null),
        ["tenantQuotaGet"] = new("Management", "A tenant's ingest quota (override or default)."),
        ["tenantQuotaPut"] = new("Management", "Set a tenant's ingest quota override.", RequestSchema: "Quota"),
        ["tenantQuotaDelete"] = new("Management", "Return a tenant to the default quota.", 204, SuccessMediaType: null),
        ["metricsScrape"] = new("Operations", "Prometheus text: a tenant's own series, or every tenant's for the administrator.", SuccessMediaType: "text/plain"),
        ["negotiate"] = new("Realtime", "A SignalR Service client URL and token for the caller's key.", RequestSchema: "Empty"),
        ["health"] = new("Operations", "200 when storage and the Event Grid configuration answer, else 503 with their states."),
        ["dashboard"] = new("Operations", "The live dashboard page.", SuccessMediaType: "text/html"),
        ["dashboardSignalRClient"] = new("Operations", "The SignalR browser client the dashboard loads.", SuccessMediaType: "text/javascript"),
        ["openApiDocument"] = new("Operations", "This document.", SuccessMediaType: "application/json"),
    };
}
