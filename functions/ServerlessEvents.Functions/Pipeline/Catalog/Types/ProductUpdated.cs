using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>product.updated</c>: fields of a product changed.</summary>
[EventType("product.updated", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProductUpdated(
    string ProductId,
    string Sku,
    IReadOnlyList<string> ChangedFields,
    string? Name = null,
    decimal? Price = null);
