using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Events;
using static System.FormattableString;
using P = ServerlessEvents.Functions.Notifications.NotificationPriority;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>
/// The in-app notification rules, in one place: event type → notification. The recipient is the event's
/// <c>userid</c> extension; where the data names the user (<c>customerId</c> of order.created, <c>userId</c> of
/// user.created and mastery.improved) that is used when the extension is absent. An event with no recipient, or a
/// type without a rule, makes no notification (it is not an error).
/// </summary>
public static class NotificationRules
{
    private delegate NotificationDraft? Rule(CanonicalEvent e, EventTypeCatalog catalog);

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["order.created"] = (e, c) => For(e, Data<OrderCreated>(e, c), d => e.UserId ?? d.CustomerId,
            d => ($"Order {d.OrderId} received", $"We have your order {d.OrderId} ({Email.Html.Money(d.Total, d.Currency)}).", P.Normal, Link("orders", d.OrderId), Days(30))),
        ["order.shipped"] = (e, c) => For(e, Data<OrderShipped>(e, c), _ => e.UserId,
            d => ($"Your order {d.OrderId} has shipped", $"Tracking number: {d.TrackingNumber}.", P.Normal, Link("orders", d.OrderId), Days(30))),
        ["order.delivered"] = (e, c) => For(e, Data<OrderDelivered>(e, c), _ => e.UserId,
            d => ($"Your order {d.OrderId} was delivered", "Enjoy!", P.Normal, Link("orders", d.OrderId), Days(14))),
        ["order.cancelled"] = (e, c) => For(e, Data<OrderCancelled>(e, c), _ => e.UserId,
            d => ($"Your order {d.OrderId} was cancelled", d.Reason, P.High, Link("orders", d.OrderId), Days(30))),
        ["user.created"] = (e, c) => For(e, Data<UserCreated>(e, c), d => e.UserId ?? d.UserId,
            d => ($"Welcome, {d.DisplayName ?? d.UserId}!", "Your account is ready.", P.Low, null, Days(7))),
        ["ai.anomaly_detected"] = (e, c) => For(e, Data<AiAnomalyDetected>(e, c), _ => e.UserId,
            d => ($"Anomaly in {d.Metric}", d.Description, AnomalyPriority(d.Severity), Link("anomalies", d.AnomalyId), Days(1))),
        ["ai.briefing_generated"] = (e, c) => For(e, Data<AiBriefingGenerated>(e, c), _ => e.UserId,
            d => ($"New briefing: {d.Title}", d.Summary, P.Normal, Link("briefings", d.BriefingId), Days(7))),
        ["budget.threshold_exceeded"] = (e, c) => For(e, Data<BudgetThresholdExceeded>(e, c), _ => e.UserId,
            d => (Invariant($"Budget {d.BudgetId} passed {d.ThresholdPercent:0.#}%"), $"Spent {Email.Html.Money(d.Spent, d.Currency)} of {Email.Html.Money(d.Limit, d.Currency)}.", P.High, Link("budgets", d.BudgetId), Days(3))),
        ["training.completed"] = (e, c) => For(e, Data<TrainingCompleted>(e, c), _ => e.UserId,
            d => ($"Training of {d.ModelName} completed", d.Accuracy is { } a ? Invariant($"Accuracy {a * 100:0.#}%.") : "The model is ready.", P.Normal, Link("trainings", d.TrainingId), Days(7))),
        ["mastery.improved"] = (e, c) => For(e, Data<MasteryImproved>(e, c), d => e.UserId ?? d.UserId,
            d => ($"Your {d.Skill} level went up", Invariant($"From {d.PreviousLevel:0.##} to {d.NewLevel:0.##}."), P.Low, null, Days(30))),
        ["product.out_of_stock"] = (e, c) => For(e, Data<ProductOutOfStock>(e, c), _ => e.UserId,
            d => ($"{d.Name} is out of stock", $"SKU {d.Sku} has no stock left.", P.High, Link("products", d.ProductId), Days(7))),
    };

    /// <summary>The event types that have a rule.</summary>
    public static IReadOnlyList<string> Types { get; } = Rules.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The notification an event makes, or null. Throws <see cref="System.Text.Json.JsonException"/> when the data does not fit its type.</summary>
    public static NotificationDraft? Apply(CanonicalEvent e, EventTypeCatalog catalog) =>
        Rules.TryGetValue(e.Type, out var rule) ? rule(e, catalog) : null;

    private static NotificationPriority AnomalyPriority(AnomalySeverity severity) => severity switch
    {
        AnomalySeverity.Critical or AnomalySeverity.High => P.Urgent,
        AnomalySeverity.Medium => P.Normal,
        _ => P.Low,
    };

    private static NotificationDraft? For<T>(CanonicalEvent e, T data, Func<T, string?> user,
        Func<T, (string Title, string Body, NotificationPriority Priority, string? Link, TimeSpan Expiry)> render)
    {
        var userId = user(data);
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }
        var (title, body, priority, link, expiry) = render(data);
        return new NotificationDraft(e.Type, userId, title, body, priority, link, expiry);
    }

    private static T Data<T>(CanonicalEvent e, EventTypeCatalog catalog) where T : class =>
        catalog.ReadData<T>(e) ?? throw new System.Text.Json.JsonException($"{e.Type} has no data.");

    private static string Link(string collection, string id) => "/" + collection + "/" + Uri.EscapeDataString(id);

    private static TimeSpan Days(int days) => TimeSpan.FromDays(days);
}
