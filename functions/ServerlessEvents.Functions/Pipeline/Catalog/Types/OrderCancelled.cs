using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>order.cancelled</c>: an order was cancelled, possibly with a refund.</summary>
[EventType("order.cancelled", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OrderCancelled(
    string OrderId,
    string Reason,
    [property: EmailAddress] string? CustomerEmail = null,
    decimal? RefundAmount = null);
