using System.Globalization;
using System.Text;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Events;
using static ServerlessEvents.Functions.Email.Html;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// Every email template, in one place: event type → <see cref="EmailPlan"/> (or null when the event needs no mail).
/// The preference user is the <c>userid</c> extension when present, else the user named in the data
/// (<c>customerId</c> for order.created, <c>userId</c> for user.created).
/// </summary>
public static class EmailTemplates
{
    /// <summary>The event types that can produce email (also the email notification types).</summary>
    public static IReadOnlyList<string> Types { get; } = ["order.created", "order.shipped", "user.created", "product.low_stock", "ai.anomaly_detected"];

    /// <summary>Renders the email for an event; null when none is due. Throws when the data does not fit its type.</summary>
    public static EmailPlan? Render(CanonicalEvent e, EventTypeCatalog catalog) => OneLineSubject(e.Type switch
    {
        "order.created" => OrderCreated(e, Read<OrderCreated>(e, catalog)),
        "order.shipped" => OrderShipped(e, Read<OrderShipped>(e, catalog)),
        "user.created" => UserCreated(e, Read<UserCreated>(e, catalog)),
        "product.low_stock" => LowStock(e, Read<ProductLowStock>(e, catalog)),
        "ai.anomaly_detected" => Anomaly(e, Read<AiAnomalyDetected>(e, catalog)),
        _ => null,
    });

    /// <summary>Subjects are one header line: control characters from event data (CR, LF) become spaces.</summary>
    private static EmailPlan? OneLineSubject(EmailPlan? plan) =>
        plan is null ? null : plan with { Subject = string.Concat(plan.Subject.Select(c => char.IsControl(c) ? ' ' : c)) };

    private static T Read<T>(CanonicalEvent e, EventTypeCatalog catalog) where T : class =>
        catalog.ReadData<T>(e) ?? throw new System.Text.Json.JsonException($"{e.Type} has no data.");

    private static EmailPlan OrderCreated(CanonicalEvent e, OrderCreated d)
    {
        var name = string.IsNullOrWhiteSpace(d.CustomerName) ? "customer" : d.CustomerName;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Hello {name},\n\nThank you for your order {d.OrderId}.\n\n");
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>Hello {E(name)},</p><p>Thank you for your order <strong>{E(d.OrderId)}</strong>.</p><table>");
        foreach (var item in d.Items ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"  {item.Quantity} x {item.Name} ({item.Sku}) at {Money(item.UnitPrice, d.Currency)}\n");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{item.Quantity} &times;</td><td>{E(item.Name)} ({E(item.Sku)})</td><td>{E(Money(item.UnitPrice, d.Currency))}</td></tr>");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nTotal: {Money(d.Total, d.Currency)}\n");
        html.Append(CultureInfo.InvariantCulture, $"</table><p>Total: <strong>{E(Money(d.Total, d.Currency))}</strong></p>");
        var subject = $"Order {d.OrderId} confirmed";
        return new EmailPlan(e.Type, EmailAudience.Direct, d.CustomerEmail, e.UserId ?? d.CustomerId, subject, text.ToString(), Document(subject, html.ToString()));
    }

    private static EmailPlan OrderShipped(CanonicalEvent e, OrderShipped d)
    {
        var carrier = string.IsNullOrWhiteSpace(d.Carrier) ? "" : $" with {d.Carrier}";
        var subject = $"Order {d.OrderId} has shipped";
        var text = $"Your order {d.OrderId} has shipped{carrier}.\n\nTracking number: {d.TrackingNumber}\n";
        var html = $"<p>Your order <strong>{E(d.OrderId)}</strong> has shipped{E(carrier)}.</p><p>Tracking number: <strong>{E(d.TrackingNumber)}</strong></p>";
        return new EmailPlan(e.Type, EmailAudience.Direct, d.CustomerEmail, e.UserId, subject, text, Document(subject, html));
    }

    private static EmailPlan UserCreated(CanonicalEvent e, UserCreated d)
    {
        var name = string.IsNullOrWhiteSpace(d.DisplayName) ? d.UserId : d.DisplayName;
        const string subject = "Welcome to ServerlessEvents";
        var text = $"Welcome, {name}!\n\nYour account {d.UserId} is ready.\n";
        var html = $"<p>Welcome, <strong>{E(name)}</strong>!</p><p>Your account {E(d.UserId)} is ready.</p>";
        return new EmailPlan(e.Type, EmailAudience.Direct, d.Email, e.UserId ?? d.UserId, subject, text, Document(subject, html));
    }

    private static EmailPlan LowStock(CanonicalEvent e, ProductLowStock d)
    {
        var subject = $"Low stock: {d.Name} ({d.Sku})";
        var text = $"{d.Name} ({d.Sku}, product {d.ProductId}) is low on stock: {d.Quantity} left, re-order threshold {d.Threshold}.\n";
        var html = $"<p><strong>{E(d.Name)}</strong> ({E(d.Sku)}, product {E(d.ProductId)}) is low on stock: {d.Quantity} left, re-order threshold {d.Threshold}.</p>";
        return new EmailPlan(e.Type, EmailAudience.Procurement, null, null, subject, text, Document(subject, html));
    }

    private static EmailPlan? Anomaly(CanonicalEvent e, AiAnomalyDetected d)
    {
        if (d.Severity is not (AnomalySeverity.High or AnomalySeverity.Critical))
        {
            return null;
        }
        var severity = d.Severity.ToString().ToLowerInvariant();
        var subject = $"[{severity}] Anomaly in {d.Metric}";
        var text = $"A {severity} anomaly was detected in {d.Metric} (anomaly {d.AnomalyId}).\n\n{d.Description}\n";
        var html = $"<p>A <strong>{E(severity)}</strong> anomaly was detected in {E(d.Metric)} (anomaly {E(d.AnomalyId)}).</p><p>{E(d.Description)}</p>";
        return new EmailPlan(e.Type, EmailAudience.TenantAdmins, null, null, subject, text, Document(subject, html));
    }
}
