using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>user.updated</c>: a user's profile changed.</summary>
[EventType("user.updated", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UserUpdated(
    string UserId,
    IReadOnlyList<string> ChangedFields,
    [property: EmailAddress] string? Email = null,
    string? DisplayName = null);
