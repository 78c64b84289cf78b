using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>user.logout</c>: a user's session ended.</summary>
[EventType("user.logout", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UserLogout(string UserId, string? SessionId = null, string? Reason = null);
