using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.LocalDevelopment;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Topology;

namespace ServerlessEvents.UnitTests.LocalDevelopment;

public sealed class LocalRelayPublisherTests
{
    private static PublishableEvent CloudEvent(string id, string type, string? subject = null)
    {
        var subjectJson = subject is null ? "" : $",\"subject\":\"{subject}\"";
        var json = $"{{\"specversion\":\"1.0\",\"id\":\"{id}\",\"source\":\"/tests\",\"type\":\"{type}\"{subjectJson},\"data\":{{\"n\":1}}}}";
        return new PublishableEvent(id, "/tests", type, subject, Encoding.UTF8.GetBytes(json));
    }

    private static LocalRelayPublisher Publisher(RuntimeWebhookStandIn standIn, HttpClient client, TopologyDocument? topology = null) =>
        new(client,
            Options.Create(new LocalDevelopmentOptions { Enabled = true, FunctionsHostUrl = standIn.BaseUrl + "/" }),
            topology ?? TopologyReader.LoadDefault(),
            NullLogger<LocalRelayPublisher>.Instance);

    [Fact]
    public async Task Each_event_is_posted_once_to_every_handler_whose_filter_matches()
    {
        await using var standIn = await RuntimeWebhookStandIn.StartAsync();
        using var client = new HttpClient();
        await Publisher(standIn, client).PublishAsync([CloudEvent("e1", "order.created"), CloudEvent("e2", "user.login")]);

        var byEvent = standIn.Received.GroupBy(r => Encoding.UTF8.GetString(r.Body).Contains("\"e1\"", StringComparison.Ordinal) ? "e1" : "e2")
            .ToDictionary(g => g.Key, g => g.Select(r => r.FunctionName).Order().ToList());
        Assert.Equal(["email", "metrics", "notifications", "signalr", "webhooks"], byEvent["e1"]);
        Assert.Equal(["metrics", "notifications", "signalr", "webhooks"], byEvent["e2"]);
    }

    [Fact]
    public async Task Deliveries_carry_the_notification_header_the_cloud_events_content_type_and_the_exact_event()
    {
        await using var standIn = await RuntimeWebhookStandIn.StartAsync();
        using var client = new HttpClient();
        var cloudEvent = CloudEvent("e3", "order.shipped", "orders/3");
        await Publisher(standIn, client).PublishAsync([cloudEvent]);

        Assert.Equal(5, standIn.Received.Count);
        Assert.All(standIn.Received, r =>
        {
            Assert.Equal("Notification", r.EventTypeHeader);
            Assert.Equal("application/cloudevents+json; charset=utf-8", r.ContentType);
            Assert.Equal(cloudEvent.Json.ToArray(), r.Body);
        });
    }

    [Fact]
    public async Task Subject_filters_from_the_topology_decide_the_function_name_query()
    {
        var topology = TopologyReader.Parse("""
            {"deadLetterContainerName":"dl","handlers":[
              {"functionName":"tenantA","filter":{"subjectBeginsWith":"tenants/a/"}},
              {"functionName":"tenantB","filter":{"subjectBeginsWith":"tenants/b/"}}]}
            """);
        await using var standIn = await RuntimeWebhookStandIn.StartAsync();
        using var client = new HttpClient();
        await Publisher(standIn, client, topology).PublishAsync([CloudEvent("e4", "x", "tenants/b/1"), CloudEvent("e5", "x", "other")]);

        Assert.Equal(["tenantB"], standIn.Received.Select(r => r.FunctionName));
    }

    [Fact]
    public async Task A_500_from_any_handler_makes_publish_throw_after_trying_the_others()
    {
        await using var standIn = await RuntimeWebhookStandIn.StartAsync();
        standIn.StatusByFunction["webhooks"] = 500;
        using var client = new HttpClient();

        var error = await Assert.ThrowsAsync<LocalRelayException>(() => Publisher(standIn, client).PublishAsync([CloudEvent("e6", "order.created")]));

        Assert.Single(error.Failures);
        Assert.Contains("webhooks", error.Failures[0], StringComparison.Ordinal);
        Assert.Contains("500", error.Failures[0], StringComparison.Ordinal);
        Assert.Equal(5, standIn.Received.Count);
    }

    [Fact]
    public async Task An_unreachable_host_makes_publish_throw()
    {
        string deadUrl;
        await using (var standIn = await RuntimeWebhookStandIn.StartAsync())
            deadUrl = standIn.BaseUrl;
        using var client = new HttpClient();
        var publisher = new LocalRelayPublisher(client,
            Options.Create(new LocalDevelopmentOptions { Enabled = true, FunctionsHostUrl = deadUrl }),
            TopologyReader.LoadDefault(), NullLogger<LocalRelayPublisher>.Instance);

        await Assert.ThrowsAsync<LocalRelayException>(() => publisher.PublishAsync([CloudEvent("e7", "user.login")]));
    }
}
