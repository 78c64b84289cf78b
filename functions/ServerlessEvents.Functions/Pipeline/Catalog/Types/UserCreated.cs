using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>user.created</c>: a user signed up.</summary>
[EventType("user.created", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UserCreated(string UserId, [property: EmailAddress] string Email, string? DisplayName = null);
