using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookDeliveryEntityTests
{
    private static WebhookDelivery Delivery(int attempts) => new()
    {
        Tenant = "tenant-1", SubscriptionId = WebhookIds.NewSubscriptionId(), Id = WebhookIds.DeliveryId("k", "s"),
        CreatedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), EventId = "e1", EventSource = "/src", EventType = "order.created",
        Attempts = attempts, Status = WebhookDeliveryStatus.Failed,
        Log = Enumerable.Range(1, attempts).Select(n => new WebhookAttemptRecord(n, DateTimeOffset.UnixEpoch, "retry", 500, 12.5, "The receiver answered 500.", new string('x', 4096), true)).ToArray(),
    };

    [Fact]
    public void A_delivery_round_trips_through_its_row()
    {
        var delivery = Delivery(3);
        var back = WebhookDeliveryEntity.FromEntity(WebhookDeliveryEntity.ToEntity(delivery));
        Assert.Equal(delivery.Tenant, back.Tenant);
        Assert.Equal(delivery.SubscriptionId, back.SubscriptionId);
        Assert.Equal(delivery.CreatedAt, back.CreatedAt);
        Assert.Equal(delivery.Log, back.Log);
        Assert.True(back.IsUndelivered);
    }

    [Fact]
    public void The_attempt_log_keeps_the_latest_attempts_within_the_property_size_limit()
    {
        var entity = WebhookDeliveryEntity.ToEntity(Delivery(20));
        var log = (byte[])entity["Log"]!;
        Assert.True(log.Length <= 64 * 1024, $"{log.Length} bytes");
        var back = WebhookDeliveryEntity.FromEntity(entity);
        Assert.Equal(20, back.Log[^1].Number);
        Assert.True(back.Log.Count is > 8 and <= WebhookDeliveryEntity.MaxLoggedAttempts);
    }
}
