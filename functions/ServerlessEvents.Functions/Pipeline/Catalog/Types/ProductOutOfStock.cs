using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>product.out_of_stock</c>: no stock is left.</summary>
[EventType("product.out_of_stock", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProductOutOfStock(string ProductId, string Sku, string Name, DateTimeOffset? ExpectedRestockAt = null);
