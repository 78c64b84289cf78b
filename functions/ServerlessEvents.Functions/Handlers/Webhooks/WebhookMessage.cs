namespace ServerlessEvents.Functions.Webhooks;

/// <summary>One webhook to deliver: the exact body bytes and the identifiers that go into headers.</summary>
/// <param name="DeliveryId">The <c>webhook-id</c>: one per (event, subscription), stable across retries, e.g. <c>msg_…</c>. Must not contain '.'.</param>
/// <param name="EventId">The CloudEvents <c>id</c>, sent as <c>X-Event-Id</c>.</param>
/// <param name="EventType">The CloudEvents <c>type</c>, sent as <c>X-Event-Type</c>.</param>
/// <param name="Body">The CloudEvent in structured JSON (UTF-8), sent and signed byte for byte.</param>
public sealed record WebhookMessage(string DeliveryId, string EventId, string EventType, ReadOnlyMemory<byte> Body);
