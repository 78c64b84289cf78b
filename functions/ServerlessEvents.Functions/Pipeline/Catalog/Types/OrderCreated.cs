using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>order.created</c>: a customer placed an order. Email handlers confirm it to <see cref="CustomerEmail"/>.</summary>
[EventType("order.created", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OrderCreated(
    string OrderId,
    string CustomerId,
    [property: EmailAddress] string CustomerEmail,
    decimal Total,
    [property: RegularExpression("^[A-Z]{3}$")] string Currency,
    string? CustomerName = null,
    IReadOnlyList<OrderItem>? Items = null);
