using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>order.shipped</c>: an order left the warehouse; the customer is told how to track it.</summary>
[EventType("order.shipped", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OrderShipped(
    string OrderId,
    [property: EmailAddress] string CustomerEmail,
    string TrackingNumber,
    string? Carrier = null,
    DateTimeOffset? ShippedAt = null);
