using System.Net;
using Microsoft.Playwright;
using ServerlessEvents.IntegrationTests.Operations;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Realtime;

/// <summary>
/// The dashboard's live feed through the official SignalR browser client (<c>@microsoft/signalr</c>, served by the
/// app) and the local SignalR Service, in headless Chromium: live without polling, and back after the hub drops.
/// </summary>
[Collection(LiveEventGridCollection.Name)]
public sealed class DashboardLiveFeedTests(LiveEventGridFixture pipeline)
{
    [Fact]
    public async Task The_feed_goes_live_over_WebSockets_without_polling_and_reconnects_by_itself_after_the_hub_drops()
    {
        using var tenant = await pipeline.CreateTenantAsync("dl");
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text + " @ " + message.Location); };
        page.PageError += (_, error) => problems.Add(error);
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        var client = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/dashboard/signalr.min.js", StringComparison.Ordinal));

        await page.GotoAsync(pipeline.Host.BaseUrl + "/api/dashboard");
        Assert.Equal(200, (await client).Status);
        Assert.StartsWith(pipeline.Host.BaseUrl, (await client).Url, StringComparison.Ordinal);
        await page.FillAsync("#key-input", tenant.Key);
        await page.ClickAsync("#key-form button");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("live (SignalR)", new() { Timeout = 15_000 });

        var polls = new List<string>();
        page.Request += (_, request) => { if (new Uri(request.Url).AbsolutePath == "/api/events") polls.Add(request.Url); };
        await PostAsync(tenant, "dl-before");
        await Assertions.Expect(page.Locator("[data-event-id='dl-before']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Empty(polls);

        // The hub drops every connection without a close handshake; the client reconnects on its own.
        Assert.True(pipeline.SignalR.DropClientConnections() >= 1);
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("live (SignalR)", new() { Timeout = 30_000 });
        await WaitUntilAsync(() => sockets.Count >= 2);
        polls.Clear();
        await PostAsync(tenant, "dl-after");
        await Assertions.Expect(page.Locator("[data-event-id='dl-after']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        Assert.Empty(polls);
        Assert.All(sockets, url => Assert.StartsWith(pipeline.SignalR.Endpoint.Replace("http://", "ws://", StringComparison.Ordinal) + "/client/", url, StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(pipeline.SignalR.Rejections);
    }

    private static async Task PostAsync(TenantClient tenant, string id)
    {
        using var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(condition());
    }
}
