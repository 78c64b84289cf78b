using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Realtime;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.UnitTests.Realtime;

public sealed class RealtimeMessageTests
{
    private static DeliveredEvent Delivered(JsonObject e)
    {
        e["tenantid"] = "acme";
        var json = Encoding.UTF8.GetBytes(e.ToJsonString());
        return new DeliveredEvent("acme", CanonicalEventJson.Deserialize(json), json);
    }

    private static JsonObject Event(JsonNode data) => new()
    {
        ["specversion"] = "1.0", ["id"] = "e1", ["source"] = "/s", ["type"] = "order.created", ["time"] = "2026-11-20T10:00:00Z", ["data"] = data,
    };

    [Fact]
    public void Data_is_kept_when_the_argument_fits()
    {
        var argument = RealtimeMessage.Argument(Delivered(Event(new JsonObject { ["n"] = 1 })), 32_768);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["n"] = 1 }, argument["data"]));
        Assert.False(argument.ContainsKey("dataOmitted"));
        Assert.False(argument.ContainsKey("subject"));
    }

    [Fact]
    public void Data_is_omitted_and_flagged_when_the_argument_would_exceed_the_cap()
    {
        var argument = RealtimeMessage.Argument(Delivered(Event(new JsonObject { ["s"] = new string('x', 2_000) })), 1_024);

        Assert.False(argument.ContainsKey("data"));
        Assert.True(argument["dataOmitted"]!.GetValue<bool>());
        Assert.Equal("e1", argument["id"]!.GetValue<string>());
    }

    [Fact]
    public void Addresses_are_namespaced_by_tenant()
    {
        Assert.Equal("tenant-acme", RealtimeAddresses.Group("acme"));
        Assert.Equal("acme:u1", RealtimeAddresses.User("acme", "u1"));
        Assert.NotEqual(RealtimeAddresses.User("acme", "u1"), RealtimeAddresses.User("other", "u1"));
    }
}
