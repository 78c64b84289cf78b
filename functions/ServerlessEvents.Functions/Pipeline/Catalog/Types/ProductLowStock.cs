using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>product.low_stock</c>: stock fell to or below the re-order threshold.</summary>
[EventType("product.low_stock", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProductLowStock(
    string ProductId,
    string Sku,
    string Name,
    [property: Range(0, int.MaxValue)] int Quantity,
    [property: Range(0, int.MaxValue)] int Threshold);
