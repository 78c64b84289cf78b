using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>product.created</c>: a product was added to the catalogue.</summary>
[EventType("product.created", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProductCreated(
    string ProductId,
    string Sku,
    string Name,
    decimal Price,
    [property: RegularExpression("^[A-Z]{3}$")] string Currency,
    string? Category = null);
