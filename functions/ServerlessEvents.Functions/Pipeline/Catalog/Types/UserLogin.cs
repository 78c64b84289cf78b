using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>user.login</c>: a user signed in.</summary>
[EventType("user.login", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UserLogin(string UserId, LoginMethod Method, string? IpAddress = null, string? UserAgent = null);
