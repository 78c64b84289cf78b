using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary>One line of an order.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OrderItem(string Sku, string Name, [property: Range(1, int.MaxValue)] int Quantity, decimal UnitPrice);
