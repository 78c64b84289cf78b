using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>marketplace.connection_rejected</c>: a marketplace connection was rejected.</summary>
[EventType("marketplace.connection_rejected", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarketplaceConnectionRejected(string ConnectionId, string Marketplace, string Reason, string? RejectedBy = null);
