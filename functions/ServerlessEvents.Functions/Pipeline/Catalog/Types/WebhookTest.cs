using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>webhook.test</c>: an internal event the webhooks feature sends to check a subscription.</summary>
[EventType("webhook.test", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WebhookTest(string WebhookId, string? Message = null);
