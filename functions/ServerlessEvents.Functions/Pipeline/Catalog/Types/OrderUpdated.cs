using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>order.updated</c>: fields of an order changed.</summary>
[EventType("order.updated", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OrderUpdated(
    string OrderId,
    IReadOnlyList<string> ChangedFields,
    string? Status = null,
    decimal? Total = null,
    [property: RegularExpression("^[A-Z]{3}$")] string? Currency = null);
