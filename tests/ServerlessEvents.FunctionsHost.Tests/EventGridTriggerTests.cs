using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.FunctionsHost.EventGrid;

namespace ServerlessEvents.FunctionsHost.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class EventGridTriggerTests(SampleHostFixture fixture)
{
    private static JsonObject CloudEvent(string type, string? id = null) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id ?? Guid.NewGuid().ToString(),
        ["source"] = "/tests/sample",
        ["type"] = type,
        ["time"] = DateTimeOffset.UtcNow.ToString("O"),
        ["datacontenttype"] = "application/json",
        ["data"] = new JsonObject { ["n"] = 7 },
    };

    [Fact]
    public async Task A_CloudEvent_is_delivered_once_and_bound_as_CloudEvent()
    {
        var cloudEvent = CloudEvent("sample.ok");

        var delivery = Assert.Single(await fixture.Host.PublishEventGridAsync("OnCloudEvent", [cloudEvent]));

        Assert.True(delivery.Delivered);
        Assert.Equal(202, Assert.Single(delivery.Attempts).StatusCode);
        var invocation = fixture.Host.Invocations.Last(i => i.Function == "OnCloudEvent");
        Assert.Contains(invocation.Logs, l => l.Message == $"CloudEvent {cloudEvent["id"]} of type sample.ok from /tests/sample: {{\"n\":7}}");
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_on_the_schedule_then_dead_lettered()
    {
        var cloudEvent = CloudEvent("sample.fail");

        // RetryDelays 150 ms, 300 ms; MaxDeliveryAttempts 3 (the fixture's options).
        var delivery = Assert.Single(await fixture.Host.PublishEventGridAsync("OnCloudEvent", [cloudEvent]));

        Assert.False(delivery.Delivered);
        Assert.Equal([500, 500, 500], delivery.Attempts.Select(a => a.StatusCode));
        Assert.True(delivery.Attempts[1].At - delivery.Attempts[0].At >= TimeSpan.FromMilliseconds(140));
        Assert.True(delivery.Attempts[2].At - delivery.Attempts[1].At >= TimeSpan.FromMilliseconds(290));
        var letter = delivery.DeadLetter!;
        Assert.Equal("MaxDeliveryAttemptsExceeded", letter.DeadLetterReason);
        Assert.Equal(3, letter.DeliveryAttempts);
        Assert.Equal(500, letter.LastHttpStatusCode);
        Assert.Contains(fixture.Host.DeadLetters, d => d.Event["id"]!.ToString() == cloudEvent["id"]!.ToString());
        Assert.Equal(3, fixture.Host.Invocations.Count(i => i.Function == "OnCloudEvent" && i.Logs.Any(l => l.Message.Contains(cloudEvent["id"]!.ToString(), StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_delivery_whose_time_to_live_runs_out_is_dead_lettered_before_the_attempt_limit()
    {
        var subscription = new EventGridDeliveryOptions { RetryDelays = [TimeSpan.FromMilliseconds(200)], MaxDeliveryAttempts = 30, EventTimeToLive = TimeSpan.FromSeconds(1.5) };

        var delivery = Assert.Single(await fixture.Host.PublishEventGridAsync("OnCloudEvent", [CloudEvent("sample.fail")], subscription));

        Assert.Equal("TimeToLiveExceeded", delivery.DeadLetter!.DeadLetterReason);
        Assert.InRange(delivery.Attempts.Count, 2, 8); // 200 ms apart within 1.5 s, far below the 30-attempt limit
    }

    [Fact]
    public async Task A_status_Event_Grid_does_not_retry_is_dead_lettered_after_one_attempt()
    {
        var subscription = new EventGridDeliveryOptions { RetryDelays = [TimeSpan.FromMilliseconds(10)], NonRetriedStatusCodes = new HashSet<int> { 400, 403, 413, 500 } };

        var delivery = Assert.Single(await fixture.Host.PublishEventGridAsync("OnCloudEvent", [CloudEvent("sample.fail")], subscription));

        Assert.Equal("NonRetriableStatusCode", delivery.DeadLetter!.DeadLetterReason);
        Assert.Single(delivery.Attempts);
    }

    [Fact]
    public async Task String_and_BinaryData_parameters_receive_the_event_text_and_a_batched_function_gets_CloudEvent_array()
    {
        var first = CloudEvent("sample.ok", "first");
        var second = CloudEvent("sample.ok", "second");

        Assert.True(Assert.Single(await fixture.Host.PublishEventGridAsync("OnEventText", [first])).Delivered);
        Assert.True(Assert.Single(await fixture.Host.PublishEventGridAsync("OnEventBytes", [first])).Delivered);
        var batch = Assert.Single(await fixture.Host.PublishEventGridAsync("OnEventBatch", [first, second]));

        Assert.True(batch.Delivered);
        var text = fixture.Host.Invocations.Last(i => i.Function == "OnEventText").Logs.Single(l => l.IsUser).Message;
        Assert.Equal("first", JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..])!["id"]!.ToString());
        Assert.StartsWith("Event bytes: ", fixture.Host.Invocations.Last(i => i.Function == "OnEventBytes").Logs.Single(l => l.IsUser).Message, StringComparison.Ordinal);
        Assert.Contains(fixture.Host.Invocations.Last(i => i.Function == "OnEventBatch").Logs, l => l.Message == "Batch of 2: first,second");
    }

    [Theory]
    [InlineData("OnCloudEvent", "Notification", "{\"specversion\":\"1.0\"", 400)] // not JSON
    [InlineData("OnCloudEvent", "SubscriptionValidation", "{}", 400)]
    [InlineData("NoSuchFunction", "Notification", "{}", 404)]
    [InlineData("GetOrderLine", "Notification", "{}", 404)] // not an eventGridTrigger
    public async Task The_webhook_refuses_what_is_not_a_notification_for_an_eventGridTrigger(string function, string eventType, string body, int status)
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/runtime/webhooks/eventgrid?functionName=" + function) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("aeg-event-type", eventType);

        using var response = await client.SendAsync(request);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
