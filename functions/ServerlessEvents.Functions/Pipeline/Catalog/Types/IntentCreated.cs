using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>intent.created</c>: a user expressed an intent (free text to classify).</summary>
[EventType("intent.created", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IntentCreated(string IntentId, string Text, string? UserId = null, string? Channel = null);
