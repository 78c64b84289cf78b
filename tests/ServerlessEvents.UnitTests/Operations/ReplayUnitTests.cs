using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Dashboard;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Replay;

namespace ServerlessEvents.UnitTests.Operations;

public sealed class ReplayUnitTests
{
    private static ReplayRecord Replay(ReplayTarget target, string status = ReplayRecord.Running, long? total = 400, long processed = 100) =>
        new("t1", "rp-1", status, total, processed, target, DateTimeOffset.UnixEpoch, null, null, null, null);

    [Fact]
    public void Replayed_copy_keeps_the_original_and_adds_the_replay_extensions()
    {
        var stored = """{"specversion":"1.0","id":"e-1","source":"/s","type":"order.created","subject":"orders/1","tenantid":"t1","replaytarget":"handler:forged","data":{"a":1}}"""u8.ToArray();

        var published = ReplayPublisher.Mark(stored, Replay(new ReplayTarget("webhook", "whk_1")));

        var json = JsonNode.Parse(published.Json.Span)!.AsObject();
        Assert.Equal(("e-1", "/s", "order.created", "orders/1"), (published.Id, published.Source, published.Type, published.Subject));
        Assert.Equal("rp-1", json[CanonicalEvent.ReplayExtension]!.GetValue<string>());
        Assert.Equal("webhook:whk_1", json[CanonicalEvent.ReplayTargetExtension]!.GetValue<string>());
        Assert.Equal(1, json["data"]!["a"]!.GetValue<int>());
    }

    [Fact]
    public void A_replay_to_all_carries_no_target_even_if_the_stored_json_had_one()
    {
        var stored = """{"specversion":"1.0","id":"e-1","source":"/s","type":"t","replaytarget":"handler:x"}"""u8.ToArray();
        var json = JsonNode.Parse(ReplayPublisher.Mark(stored, Replay(ReplayTarget.All)).Json.Span)!.AsObject();
        Assert.False(json.ContainsKey(CanonicalEvent.ReplayTargetExtension));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("handler:email")]
    [InlineData("webhook:whk_1")]
    public void Targets_round_trip_through_their_stored_form(string stored)
    {
        var target = ReplayTarget.FromStored(stored);
        Assert.Equal(stored, target.Extension ?? "all");
    }

    [Fact]
    public void Percent_is_progress_over_total_and_100_once_completed()
    {
        Assert.Equal(25, Replay(ReplayTarget.All).Percent);
        Assert.Equal(0, Replay(ReplayTarget.All, total: null).Percent);
        Assert.Equal(100, Replay(ReplayTarget.All, ReplayRecord.Completed, total: 0, processed: 0).Percent);
    }

    [Fact]
    public void Dashboard_page_fills_every_placeholder_and_uses_the_nonce_on_its_scripts_and_style()
    {
        var page = new DashboardPage();
        var nonce = DashboardPage.NewNonce();
        var html = page.Render(nonce);

        Assert.DoesNotContain("{{", html);
        // The inline script and the SignalR client the app serves itself, both under the nonce.
        Assert.Equal(2, html.Split("<script").Length - 1);
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        Assert.Contains($"<script nonce=\"{nonce}\" src=\"/api/dashboard/signalr.min.js\"></script>", html);
        Assert.Contains($"<style nonce=\"{nonce}\">", html);
        Assert.DoesNotContain(".innerHTML", html);
        Assert.DoesNotContain("insertAdjacentHTML", html);
        Assert.DoesNotContain("localStorage.setItem", html);
        Assert.DoesNotContain("unsafe-inline", DashboardPage.ContentSecurityPolicy(nonce));
        Assert.NotEqual(nonce, DashboardPage.NewNonce());
    }
}
