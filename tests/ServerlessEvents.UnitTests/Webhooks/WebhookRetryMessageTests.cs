using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookRetryMessageTests
{
    [Fact]
    public void A_message_round_trips_through_its_text()
    {
        var message = new WebhookRetryMessage("tenant-1", WebhookIds.NewSubscriptionId(), WebhookIds.DeliveryId("k", "s"), 638_000_000_000_000_000, 3);
        Assert.Equal(message, WebhookRetryMessage.Parse(message.ToJson()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"t":"x","s":"undelivered","d":"msg_0123456789abcdef0123456789abcdef","c":1,"a":1}""")]
    public void Text_that_is_not_a_delivery_reference_is_not_a_message(string? text) => Assert.Null(WebhookRetryMessage.Parse(text));
}
