using System.Net;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using ServerlessEvents.Emulators.SignalR;

namespace ServerlessEvents.IntegrationTests.Realtime;

[Collection(LiveEventGridCollection.Name)]
public sealed class SignalRBroadcastTests(LiveEventGridFixture pipeline)
{
    private IReadOnlyList<SignalRRequest> MessagesFor(string tenant, string id) => pipeline.SignalR.Requests
        .Where(r => r.IsSend && r.Argument?["id"]?.GetValue<string>() == id && r.Argument["tenant"]?.GetValue<string>() == tenant)
        .ToArray();

    private static async Task PostAsync(TenantClient tenant, JsonObject e)
    {
        using var response = await tenant.Http.PostCloudEventAsync(e);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Event_goes_to_its_tenant_namespaced_user_and_to_the_tenant_group_in_the_documented_shape()
    {
        using var tenant = await pipeline.CreateTenantAsync("s");
        var posted = EventSamples.CloudEvent("rt-user-1", subject: "orders/1");
        posted["userid"] = "u1";
        posted["correlationid"] = "corr-9";

        await PostAsync(tenant, posted);

        var messages = MessagesFor(tenant.Tenant, "rt-user-1");
        Assert.Equal(["sendToUser", "sendToGroup"], messages.Select(m => m.Operation));
        Assert.Equal(tenant.Tenant + ":u1", messages[0].User);
        Assert.Equal("tenant-" + tenant.Tenant, messages[1].Group);
        var expected = new JsonObject
        {
            ["id"] = "rt-user-1", ["source"] = "/tests/shop", ["type"] = "order.created", ["time"] = posted["time"]!.GetValue<string>(),
            ["tenant"] = tenant.Tenant, ["subject"] = "orders/1", ["userId"] = "u1", ["correlationId"] = "corr-9", ["data"] = posted["data"]!.DeepClone(),
        };
        foreach (var message in messages)
        {
            Assert.Equal(("events", "event"), (message.Hub, message.Target));
            var argument = Assert.Single(message.Arguments!)!;
            Assert.True(JsonNode.DeepEquals(expected, argument), $"expected {expected} got {argument}");
        }
        Assert.Empty(pipeline.SignalR.Rejections);
    }

    [Fact]
    public async Task Event_without_a_user_goes_to_the_tenant_group_only()
    {
        using var tenant = await pipeline.CreateTenantAsync("s");

        await PostAsync(tenant, EventSamples.CloudEvent("rt-group-only"));

        var message = Assert.Single(MessagesFor(tenant.Tenant, "rt-group-only"));
        Assert.Equal(("sendToGroup", "tenant-" + tenant.Tenant), (message.Operation, message.Group));
    }

    [Fact]
    public async Task Same_user_id_in_two_tenants_addresses_two_different_signalr_users()
    {
        using var a = await pipeline.CreateTenantAsync("sa");
        using var b = await pipeline.CreateTenantAsync("sb");
        var e = EventSamples.CloudEvent("rt-iso");
        e["userid"] = "u1";

        await PostAsync(a, e);
        await PostAsync(b, e);

        Assert.Equal(a.Tenant + ":u1", Assert.Single(MessagesFor(a.Tenant, "rt-iso"), m => m.Operation == "sendToUser").User);
        Assert.Equal(b.Tenant + ":u1", Assert.Single(MessagesFor(b.Tenant, "rt-iso"), m => m.Operation == "sendToUser").User);
        Assert.All(MessagesFor(a.Tenant, "rt-iso"), m => Assert.DoesNotContain(b.Tenant, $"{m.User}{m.Group}{m.Arguments!.ToJsonString()}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Large_event_is_sent_without_its_data_and_marked_data_omitted()
    {
        using var tenant = await pipeline.CreateTenantAsync("s");
        await PostAsync(tenant, EventSamples.CloudEvent("rt-large"));
        var large = (JsonObject)pipeline.Published(tenant.Tenant, "rt-large").DeepClone();
        large["id"] = "rt-large-2";
        large["data"]!["note"] = new string('x', 40_000);

        Assert.True((await pipeline.Host.DeliverEventGridAsync("signalr", large)).Succeeded);

        var argument = Assert.Single(MessagesFor(tenant.Tenant, "rt-large-2")).Argument!;
        Assert.Null(argument["data"]);
        Assert.True(argument["dataOmitted"]!.GetValue<bool>());
        Assert.NotNull(Assert.Single(MessagesFor(tenant.Tenant, "rt-large")).Argument!["data"]);
    }

    [Fact]
    public async Task Redelivery_sends_an_identical_message_again_for_clients_to_deduplicate_on_id()
    {
        using var tenant = await pipeline.CreateTenantAsync("s");
        await PostAsync(tenant, EventSamples.CloudEvent("rt-again"));
        var published = pipeline.Published(tenant.Tenant, "rt-again");

        for (var redelivery = 0; redelivery < 2; redelivery++)
        {
            Assert.True((await pipeline.Host.DeliverEventGridAsync("signalr", published)).Succeeded);
        }

        var messages = MessagesFor(tenant.Tenant, "rt-again");
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.True(JsonNode.DeepEquals(messages[0].Arguments, m.Arguments) && m.Group == messages[0].Group));
    }

    [Fact]
    public async Task SignalR_outage_fails_the_delivery_so_event_grid_redelivers_and_the_redelivery_sends()
    {
        using var tenant = await pipeline.CreateTenantAsync("s");
        await PostAsync(tenant, EventSamples.CloudEvent("rt-outage"));
        var published = pipeline.Published(tenant.Tenant, "rt-outage");
        var before = MessagesFor(tenant.Tenant, "rt-outage").Count;

        pipeline.SignalR.FailNext(3);
        var failed = await pipeline.Host.DeliverEventGridAsync("signalr", published);
        var redelivered = await pipeline.Host.DeliverEventGridAsync("signalr", published);

        Assert.False(failed.Succeeded, "a send SignalR refused must fail the invocation");
        Assert.True(redelivered.Succeeded);
        Assert.Equal(before + 1, MessagesFor(tenant.Tenant, "rt-outage").Count);
    }
}
