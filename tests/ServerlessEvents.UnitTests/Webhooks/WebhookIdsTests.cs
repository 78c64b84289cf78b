using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookIdsTests
{
    [Fact]
    public void Delivery_ids_are_stable_per_event_and_subscription_and_valid_webhook_ids()
    {
        var sub1 = WebhookIds.NewSubscriptionId();
        var sub2 = WebhookIds.NewSubscriptionId();
        var id = WebhookIds.DeliveryId("tenant|/src|e1", sub1);

        Assert.Equal(id, WebhookIds.DeliveryId("tenant|/src|e1", sub1));
        Assert.NotEqual(id, WebhookIds.DeliveryId("tenant|/src|e1", sub2));
        Assert.NotEqual(id, WebhookIds.DeliveryId("tenant|/src|e1~r~replay1", sub1));
        Assert.True(WebhookIds.IsDeliveryId(id));
        WebhookSigner.ValidateWebhookId(id);
    }

    [Theory]
    [InlineData("undelivered")]
    [InlineData("whk_")]
    [InlineData("whk_0123456789ABCDEF0123456789abcdef")]
    [InlineData("msg_0123456789abcdef0123456789abcdef")]
    public void Strings_that_are_not_subscription_ids_are_recognised(string id) => Assert.False(WebhookIds.IsSubscriptionId(id));

    [Fact]
    public void Delivery_rows_sort_newest_first_and_the_undelivered_index_oldest_first()
    {
        var older = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var newer = older + TimeSpan.TicksPerSecond;
        Assert.True(string.CompareOrdinal(WebhookIds.DeliveryRow(newer, "msg_a"), WebhookIds.DeliveryRow(older, "msg_a")) < 0);
        Assert.True(string.CompareOrdinal(WebhookIds.UndeliveredRow(older, "whk_a", "msg_a"), WebhookIds.UndeliveredRow(newer, "whk_a", "msg_a")) < 0);
    }
}
