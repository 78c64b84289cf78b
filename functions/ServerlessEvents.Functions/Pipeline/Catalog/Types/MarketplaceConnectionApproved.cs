using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>marketplace.connection_approved</c>: a marketplace connection was approved.</summary>
[EventType("marketplace.connection_approved", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarketplaceConnectionApproved(
    string ConnectionId,
    string Marketplace,
    string ApprovedBy,
    DateTimeOffset? ExpiresAt = null);
