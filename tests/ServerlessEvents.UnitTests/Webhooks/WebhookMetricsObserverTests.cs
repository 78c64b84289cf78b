using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookMetricsObserverTests
{
    private static WebhookDelivery Delivery(string status) => new()
    {
        Tenant = "t", SubscriptionId = "whk_x", Id = "msg_x", CreatedAt = DateTimeOffset.UnixEpoch,
        EventId = "e", EventSource = "/s", EventType = "order.created", Status = status, Attempts = 1,
    };

    private static WebhookAttemptResult Result(WebhookAttemptOutcome outcome) =>
        new(outcome, 500, TimeSpan.Zero, null, null, false, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(WebhookAttemptOutcome.Succeeded, WebhookDeliveryStatus.Delivered, "delivered")]
    [InlineData(WebhookAttemptOutcome.Retry, WebhookDeliveryStatus.Pending, "failed")]
    [InlineData(WebhookAttemptOutcome.Retry, WebhookDeliveryStatus.Failed, "dead_lettered")]
    [InlineData(WebhookAttemptOutcome.Gone, WebhookDeliveryStatus.Failed, "gone")]
    [InlineData(WebhookAttemptOutcome.Refused, WebhookDeliveryStatus.Failed, "refused")]
    public void Attempts_are_labelled_by_what_they_led_to(WebhookAttemptOutcome outcome, string status, string label) =>
        Assert.Equal(label, WebhookMetricsObserver.Outcome(Delivery(status), Result(outcome)));
}
