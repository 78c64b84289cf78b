using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ServerlessEvents.IntegrationTests.Webhooks;
using ServerlessEvents.Testing;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Operations;

[Collection(OperationsCollection.Name)]
public sealed class DashboardTests(OperationsFixture pipeline, ITestOutputHelper output)
{
    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    [Fact]
    public async Task Dashboard_is_served_as_html_with_a_strict_nonce_csp()
    {
        using var response = await pipeline.Host.Client.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        Assert.DoesNotContain("{{", html);
        using var again = await pipeline.Host.Client.GetAsync("/api/dashboard");
        Assert.NotEqual(csp, string.Join(";", again.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Dashboard_signs_in_with_a_session_key_shows_a_posted_event_within_two_seconds_and_escapes_it()
    {
        using var tenant = await pipeline.CreateTenantAsync("db");
        foreach (var (type, count) in new[] { ("order.created", 6), ("user.created", 3), ("order.shipped", 2) })
        {
            using var seeded = await tenant.Http.PostBatchAsync(Enumerable.Range(0, count).Select(i =>
                EventSamples.CloudEvent($"seed-{type}-{i}", type, EventSamples.DataFor(type, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), subject: $"orders/{i}", time: Now())));
            seeded.EnsureSuccessStatusCode();
        }
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(pipeline.Host.BaseUrl + "/api/dashboard");
        await page.FillAsync("#key-input", tenant.Key);
        var negotiate = page.WaitForRequestAsync(r => r.Url.EndsWith("/api/negotiate", StringComparison.Ordinal));
        await page.ClickAsync("#key-form button");
        await Assertions.Expect(page.Locator("#board")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#feed li")).ToHaveCountAsync(11);

        // Negotiate is asked with the key alone (this pipeline has no SignalR, so it answers 503 and the page polls).
        var headers = await (await negotiate).AllHeadersAsync();
        Assert.Equal("POST", (await negotiate).Method);
        Assert.Equal("Bearer " + tenant.Key, headers["authorization"]);
        Assert.DoesNotContain(headers.Keys, h => h.StartsWith("x-serverlessevents", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("polling every 1 s");

        var hostile = "<img src=x onerror=\"window.__pwned=1\">";
        using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("live-1", subject: hostile, time: Now())))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        var row = page.Locator("[data-event-id='live-1']");
        await Assertions.Expect(row).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 2000 });

        Assert.Contains(hostile, await row.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#feed img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(tenant.Key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('serverlessEvents.tenantKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());
        await Assertions.Expect(page.Locator("#chart svg rect")).ToHaveCountAsync(3);
        Assert.DoesNotContain(problems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        var screenshot = DashboardBrowser.ArtifactPath("dashboard-feed.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Dashboard screenshot: {screenshot}");
    }

    [Fact]
    public async Task Dashboard_shows_webhook_health_and_its_retry_button_redrives_a_failed_delivery()
    {
        using var tenant = await pipeline.CreateTenantAsync("db");
        // The endpoint is gone at first (410: dead-lettered at once and the subscription disabled), then fixed.
        await using var receiver = await ScriptedReceiver.StartAsync(n => n == 1 ? 410 : 200);
        var (subscription, _) = await WebhookApi.CreateAsync(tenant, receiver.Url("/hook"), ["order.*"]);
        using (pipeline.SubscribersConnected())
        {
            await WebhookApi.IngestAsync(tenant, EventSamples.CloudEvent("broken-1", time: Now()));
        }
        await WebhookApi.WaitUntilAsync(async () => (await WebhookApi.DeliveriesAsync(tenant, subscription, "?status=failed")).Count == 1, "the failed delivery");
        var deliveryId = (await WebhookApi.DeliveriesAsync(tenant, subscription, "?status=failed"))[0]!["id"]!.GetValue<string>();
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        await page.GotoAsync(pipeline.Host.BaseUrl + "/api/dashboard");
        await page.FillAsync("#key-input", tenant.Key);
        await page.ClickAsync("#key-form button");

        var row = page.Locator($"#failed tr[data-delivery-id='{deliveryId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#webhooks tr")).ToContainTextAsync("disabled");
        await Assertions.Expect(page.Locator("[data-event-id='broken-1']")).ToBeVisibleAsync();
        var screenshot = DashboardBrowser.ArtifactPath("dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Dashboard screenshot: {screenshot}");
        // Fix the endpoint: it answers 200 from now on, and the operator re-enables the subscription 410 disabled.
        using (var enable = await tenant.Http.PatchAsJsonAsync($"/api/webhooks/{subscription}", new JsonObject { ["enabled"] = true }))
        {
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }
        await row.Locator("button.retry").ClickAsync();
        await Assertions.Expect(row.Locator("button.retry")).ToHaveTextAsync("Retried");
        await WebhookApi.DrainRetriesUntilAsync(pipeline, async () =>
            (await WebhookApi.DeliveriesAsync(tenant, subscription, "?status=delivered")).Any(d => d!["id"]!.GetValue<string>() == deliveryId), "the re-driven delivery");

        Assert.Equal(2, receiver.Requests.Count);
        await Assertions.Expect(page.Locator("#failed tr")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 15_000 });
    }

    [Fact]
    public async Task Dashboard_refuses_an_unknown_key_and_keeps_nothing()
    {
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(pipeline.Host.BaseUrl + "/api/dashboard");
        await page.FillAsync("#key-input", "not-a-real-key");
        await page.ClickAsync("#key-form button");

        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("That key was not accepted.");
        Assert.True(await page.Locator("#board").IsHiddenAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('serverlessEvents.tenantKey')"));
    }
}
