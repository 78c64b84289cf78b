using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>marketplace.connection_requested</c>: a seller asked to connect a marketplace account.</summary>
[EventType("marketplace.connection_requested", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarketplaceConnectionRequested(
    string ConnectionId,
    string Marketplace,
    string RequestedBy,
    IReadOnlyList<string>? Scopes = null);
