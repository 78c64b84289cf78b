using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>webhook.disabled</c>: an internal event: a webhook was disabled after repeated failures.</summary>
[EventType("webhook.disabled", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WebhookDisabled(string WebhookId, [property: Url] string Url, string Reason, DateTimeOffset? LastFailureAt = null);
