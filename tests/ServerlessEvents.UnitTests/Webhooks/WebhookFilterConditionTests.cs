using System.Text.Json;
using ServerlessEvents.Functions.Webhooks;

namespace ServerlessEvents.UnitTests.Webhooks;

public sealed class WebhookFilterConditionTests
{
    private static readonly JsonElement Event = JsonDocument.Parse(
        """{"id":"1","type":"order.created","subject":"orders/7","data":{"currency":"EUR","total":42.50,"paid":true,"customer":{"tier":"gold"}}}""").RootElement;

    private static WebhookFilterCondition Condition(string path, string json) => new(path, JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("data.currency", "\"EUR\"")]
    [InlineData("subject", "\"orders/7\"")]
    [InlineData("data.total", "42.5")]
    [InlineData("data.paid", "true")]
    [InlineData("data.customer.tier", "\"gold\"")]
    public void Conditions_that_hold_match(string path, string value) => Assert.True(Condition(path, value).IsMetBy(Event));

    [Theory]
    [InlineData("data.currency", "\"USD\"")]
    [InlineData("data.currency", "\"eur\"")]
    [InlineData("data.total", "\"42.5\"")]
    [InlineData("data.missing", "null")]
    [InlineData("data.currency.deeper", "\"EUR\"")]
    [InlineData("source", "\"x\"")]
    public void Conditions_that_do_not_hold_or_name_missing_paths_do_not_match(string path, string value) =>
        Assert.False(Condition(path, value).IsMetBy(Event));

    [Fact]
    public void A_subscription_needs_a_matching_type_and_every_condition()
    {
        var subscription = new WebhookSubscription
        {
            Tenant = "t", Id = WebhookIds.NewSubscriptionId(), Url = new Uri("https://example.com"), EventTypes = ["user.*", "order.*"],
            Filter = [Condition("data.currency", "\"EUR\""), Condition("subject", "\"orders/7\"")],
        };
        Assert.True(subscription.Matches("order.created", Event));
        Assert.False(subscription.Matches("product.created", Event));
        Assert.False((subscription with { Filter = [.. subscription.Filter, Condition("data.paid", "false")] }).Matches("order.created", Event));
    }

    [Theory]
    [InlineData("*", "order.created", true)]
    [InlineData("order.*", "order.created", true)]
    [InlineData("order.*", "orders.created", false)]
    [InlineData("order.created", "order.created", true)]
    [InlineData("order.created", "order.created.v2", false)]
    [InlineData("ai.*", "ai.anomaly_detected", true)]
    public void Type_patterns_select_exact_types_prefixes_and_everything(string pattern, string type, bool expected) =>
        Assert.Equal(expected, WebhookTypePatterns.Matches(pattern, type));
}
