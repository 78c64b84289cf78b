using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Notifications;

namespace ServerlessEvents.UnitTests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly EventTypeCatalog Catalog = new();

    private static CanonicalEvent Event(string type, JsonObject data, string? userId = null) => new()
    {
        Id = "e-1",
        Source = "/tests",
        Type = type,
        Time = "2026-11-20T10:00:00Z",
        Data = JsonSerializer.SerializeToElement(data),
        Extensions = userId is null ? new Dictionary<string, JsonElement>() : new Dictionary<string, JsonElement> { ["userid"] = JsonSerializer.SerializeToElement(userId) },
    };

    private static JsonObject Anomaly(string severity) => new() { ["anomalyId"] = "a-1", ["metric"] = "m", ["severity"] = severity, ["description"] = "d" };

    [Theory]
    [InlineData("critical", NotificationPriority.Urgent)]
    [InlineData("high", NotificationPriority.Urgent)]
    [InlineData("medium", NotificationPriority.Normal)]
    [InlineData("low", NotificationPriority.Low)]
    public void Anomaly_priority_follows_severity(string severity, NotificationPriority expected)
    {
        var draft = NotificationRules.Apply(Event("ai.anomaly_detected", Anomaly(severity), "u-1"), Catalog);

        Assert.Equal(expected, draft!.Priority);
        Assert.Equal("u-1", draft.UserId);
        Assert.Equal(TimeSpan.FromDays(1), draft.ExpiresAfter);
    }

    [Fact]
    public void Shipped_order_names_the_order_and_links_to_it_for_the_event_user()
    {
        var data = new JsonObject { ["orderId"] = "o 1/2", ["customerEmail"] = "a@example.com", ["trackingNumber"] = "T-9" };

        var draft = NotificationRules.Apply(Event("order.shipped", data, "u-7"), Catalog)!;

        Assert.Equal("Your order o 1/2 has shipped", draft.Title);
        Assert.Equal("/orders/o%201%2F2", draft.Link);
        Assert.Contains("T-9", draft.Body);
        Assert.Equal("u-7", draft.UserId);
    }

    [Fact]
    public void Without_a_user_an_event_makes_no_notification_and_user_created_falls_back_to_its_user_id()
    {
        var shipped = new JsonObject { ["orderId"] = "o-1", ["customerEmail"] = "a@example.com", ["trackingNumber"] = "T" };
        var user = new JsonObject { ["userId"] = "u-new", ["email"] = "n@example.com" };

        Assert.Null(NotificationRules.Apply(Event("order.shipped", shipped), Catalog));
        Assert.Equal("u-new", NotificationRules.Apply(Event("user.created", user), Catalog)!.UserId);
        Assert.Null(NotificationRules.Apply(Event("user.login", new JsonObject(), "u-1"), Catalog));
    }

    [Fact]
    public void Budget_alert_is_high_priority_and_formats_numbers_invariantly()
    {
        var data = new JsonObject { ["budgetId"] = "b-1", ["limit"] = 1000m, ["spent"] = 812.5m, ["currency"] = "EUR", ["thresholdPercent"] = 80.5 };

        var draft = NotificationRules.Apply(Event("budget.threshold_exceeded", data, "u-1"), Catalog)!;

        Assert.Equal(NotificationPriority.High, draft.Priority);
        Assert.Equal("Budget b-1 passed 80.5%", draft.Title);
        Assert.Equal("Spent 812.50 EUR of 1000.00 EUR.", draft.Body);
    }

    [Fact]
    public void Data_that_does_not_fit_the_type_throws_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => NotificationRules.Apply(Event("order.shipped", new JsonObject { ["orderId"] = "o-1" }, "u-1"), Catalog));
    }
}
