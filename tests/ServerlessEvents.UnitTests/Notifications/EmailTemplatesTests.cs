using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.UnitTests.Notifications;

public sealed class EmailTemplatesTests
{
    private static readonly EventTypeCatalog Catalog = new();

    private static CanonicalEvent Event(string type, JsonObject data) => new()
    {
        Id = "e-1", Source = "/tests", Type = type, Time = "2026-11-20T10:00:00Z", Data = JsonSerializer.SerializeToElement(data),
    };

    [Fact]
    public void Values_from_event_data_cannot_break_out_of_the_subject_line_or_the_html()
    {
        var data = new JsonObject { ["orderId"] = "o-1\r\nBcc: victim@example.com", ["customerEmail"] = "a@example.com", ["trackingNumber"] = "<b>T</b>" };

        var plan = EmailTemplates.Render(Event("order.shipped", data), Catalog)!;

        Assert.DoesNotContain('\n', plan.Subject);
        Assert.DoesNotContain('\r', plan.Subject);
        Assert.Contains("&lt;b&gt;T&lt;/b&gt;", plan.Html);
        Assert.Contains("<b>T</b>", plan.Text);
        Assert.Equal(EmailAudience.Direct, plan.Audience);
    }

    [Theory]
    [InlineData("low", false)]
    [InlineData("medium", false)]
    [InlineData("high", true)]
    [InlineData("critical", true)]
    public void Only_high_and_critical_anomalies_mail_the_tenant_admins(string severity, bool mails)
    {
        var data = new JsonObject { ["anomalyId"] = "a-1", ["metric"] = "m", ["severity"] = severity, ["description"] = "d" };

        var plan = EmailTemplates.Render(Event("ai.anomaly_detected", data), Catalog);

        Assert.Equal(mails, plan is not null);
        Assert.True(plan is null || plan.Audience == EmailAudience.TenantAdmins);
    }

    [Fact]
    public void Order_confirmation_applies_the_customers_preferences_by_customer_id_without_a_userid_extension()
    {
        var data = new JsonObject { ["orderId"] = "o-1", ["customerId"] = "c-9", ["customerEmail"] = "a@example.com", ["total"] = 1m, ["currency"] = "EUR" };

        Assert.Equal("c-9", EmailTemplates.Render(Event("order.created", data), Catalog)!.UserId);
    }
}
