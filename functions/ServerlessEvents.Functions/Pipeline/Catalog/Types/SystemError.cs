using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>system.error</c>: a handler gave up on an event. An OPEN type: handlers may attach diagnostic members
/// (an extension point), so unknown members are accepted and kept in <c>data</c>.</summary>
[EventType("system.error", "1.0")]
public sealed record SystemError(string OriginalEventId, string Handler, string Reason, string? OriginalType = null);
