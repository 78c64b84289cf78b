using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>order.delivered</c>: the carrier delivered an order.</summary>
[EventType("order.delivered", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OrderDelivered(
    string OrderId,
    DateTimeOffset DeliveredAt,
    [property: EmailAddress] string? CustomerEmail = null,
    string? ReceivedBy = null);
