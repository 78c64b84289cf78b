using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Playwright;
using ServerlessEvents.IntegrationTests.Operations;
using ServerlessEvents.IntegrationTests.Webhooks;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.LocalDevelopment;

/// <summary>
/// <c>scripts/run-local.sh</c> as a new user runs it: the whole pipeline on this machine with no Core Tools, then a
/// clean stop on SIGTERM and a second start. Real parts only: the script, the dev host, Azurite, the worker, the local
/// Event Grid topic, SignalR Service and SMTP sink, a Kestrel webhook receiver and headless Chromium.
/// </summary>
[Collection(RunLocalCollection.Name)]
public sealed class RunLocalScriptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_local_fans_an_event_out_to_webhook_history_email_and_the_live_dashboard_and_stops_every_child_on_SIGTERM()
    {
        var ports = RunLocalScript.Ports.Free();
        await using var receiver = await LoopbackReceiver.StartAsync((context, _) => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        await using (var run = RunLocalScript.Start(ports))
        {
            await run.WaitHealthyAsync();
            using var tenant = await run.CreateTenantAsync("local-demo");
            var hook = await WebhookApi.CreateAsync(tenant, receiver.Url("/hooks/orders"), ["order.created"]);

            await using var browser = await DashboardBrowser.LaunchAsync();
            var page = await browser.Browser.NewPageAsync();
            var sockets = new List<string>();
            page.WebSocket += (_, socket) => sockets.Add(socket.Url);
            await page.GotoAsync(run.Api + "/api/dashboard");
            await page.FillAsync("#key-input", tenant.Key);
            await page.ClickAsync("#key-form button");
            await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("live (SignalR)", new() { Timeout = 30_000 });
            var polls = new List<string>();
            page.Request += (_, request) =>
            {
                if (new Uri(request.Url).AbsolutePath == "/api/events")
                {
                    polls.Add(request.Url);
                }
            };

            var id = "local-" + Guid.NewGuid().ToString("N");
            using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id, "order.created", EventSamples.OrderCreatedData("o-local", "ada@example.com"))))
            {
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }

            // The dashboard: pushed over the local SignalR Service's WebSocket, with no polling request meanwhile.
            await Assertions.Expect(page.Locator($"[data-event-id='{id}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Contains(sockets, url => url.StartsWith($"ws://127.0.0.1:{ports.SignalR}/client/", StringComparison.Ordinal));
            Assert.Empty(polls);

            // The webhook: delivered to the loopback receiver and signed (checked with the StandardWebhooks package).
            var delivery = await WaitAsync(() => receiver.Requests.FirstOrDefault(r => System.Text.Encoding.UTF8.GetString(r.Body).Contains(id, StringComparison.Ordinal)));
            ReceiverVerification.Verify(delivery, hook.Secret);

            // History.
            var history = await tenant.Http.GetFromJsonAsync<JsonObject>("/api/events?type=order.created");
            Assert.Contains(history!["items"]!.AsArray(), e => e!["id"]!.GetValue<string>() == id);

            // Email: captured by the SMTP sink over STARTTLS and listed on its page.
            using var mail = new HttpClient();
            var captured = await WaitAsync(async () =>
                (await mail.GetFromJsonAsync<JsonArray>($"http://localhost:{ports.Mail}/"))!.FirstOrDefault(m => m!["to"]!.AsArray().Any(t => t!.GetValue<string>() == "ada@example.com")));
            Assert.NotNull(captured!["tls"]);
            await run.WaitForLineAsync(Patience, "SMTP: captured mail", "ada@example.com");

            // The topology: order.updated is not in the email subscription's includedEventTypes.
            var filtered = "local-filtered-" + Guid.NewGuid().ToString("N");
            using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(filtered, "order.updated", new JsonObject { ["orderId"] = "o-local", ["changedFields"] = new JsonArray("status") })))
            {
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }
            foreach (var handler in new[] { "metrics", "signalr", "notifications", "webhooks" })
            {
                await run.WaitForLineAsync(Patience, $"delivered {filtered} (order.updated) to {handler}");
            }
            await run.WaitForLineAsync(Patience, $"delivered {id} (order.created) to email");
            Assert.DoesNotContain(run.Lines, l => l.Contains(filtered, StringComparison.Ordinal) && l.Contains(" email", StringComparison.Ordinal));
            Assert.Contains(run.Lines, l => l.Contains("Executed 'Functions.eventsIngest' (Succeeded", StringComparison.Ordinal));

            await StopCleanlyAsync(run);

            // Log audit: everything every part printed (the worker's logs as the host got them, its stdout and stderr,
            // the Functions host, Azurite and the emulators) holds none of the secrets or bodies this run handled.
            var canaries = new Dictionary<string, string>
            {
                ["the tenant key"] = tenant.Key, ["the webhook secret"] = hook.Secret, ["the admin key"] = RunLocalScript.AdminKey,
                ["the SignalR access key"] = ServerlessEvents.Emulators.SignalR.LocalSignalRService.DefaultAccessKey,
                ["the webhook secret's key material"] = hook.Secret["whsec_".Length..], ["an email and event body"] = "Ada Lovelace",
            };
            var leaked = canaries.Where(c => run.Output.Contains(c.Value, StringComparison.Ordinal)).Select(c => c.Key).ToList();
            Assert.True(leaked.Count == 0, "In the logs: " + string.Join(", ", leaked));
            Assert.True(run.Lines.Count > 50, "too little output to audit");
        }

        // A second start on the same ports, with the email handler pointed at a port where nothing listens: it fails
        // every delivery, so after the subscription's 10 attempts the event is dead-lettered to the blob container.
        var dead = RunLocalScript.Ports.Free() with { Api = ports.Api, EventGrid = ports.EventGrid, SignalR = ports.SignalR, Mail = ports.Mail, Smtp = ports.Smtp };
        await using (var run = RunLocalScript.Start(dead, new Dictionary<string, string> { ["Email__SmtpPort"] = ServerlessEvents.Testing.Azurite.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            await run.WaitHealthyAsync();
            using var tenant = await run.CreateTenantAsync("local-dead");
            var id = "local-dead-" + Guid.NewGuid().ToString("N");
            using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id, "order.created", EventSamples.OrderCreatedData("o-dead", "grace@example.com"))))
            {
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }
            var line = await run.WaitForLineAsync(TimeSpan.FromSeconds(120), $"dead-lettered {id} (order.created) for email after 10 attempt(s)");
            var blobPath = line[(line.IndexOf("written to ", StringComparison.Ordinal) + "written to ".Length)..].Trim();
            var container = blobPath[..blobPath.IndexOf('/', StringComparison.Ordinal)];
            var storage = $"DefaultEndpointsProtocol=http;AccountName={Testing.Azurite.AzuriteFixture.AccountName};AccountKey={Testing.Azurite.AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{dead.Blob}/{Testing.Azurite.AzuriteFixture.AccountName};";
            var blob = new BlobServiceClient(storage).GetBlobContainerClient(container).GetBlobClient(blobPath[(container.Length + 1)..]);
            var letter = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!.AsArray().Single()!;
            Assert.Equal("MaxDeliveryAttemptsExceeded", letter["deadLetterReason"]!.GetValue<string>());
            Assert.Equal(id, letter["event"]!["id"]!.GetValue<string>());
            Assert.Equal(10, run.Lines.Count(l => l.Contains("Executed 'Functions.email' (Failed", StringComparison.Ordinal)));

            await StopCleanlyAsync(run);
        }
    }

    private static async Task StopCleanlyAsync(RunLocalScript run)
    {
        Assert.Equal(0, await run.TerminateAsync());
        // Give the kernel a moment to reap what the dev host killed, then nothing of the session may be left.
        for (var i = 0; i < 50 && run.ProcessesLeft().Count > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Empty(run.ProcessesLeft());
    }

    private static async Task<T> WaitAsync<T>(Func<T?> probe) where T : class =>
        await WaitAsync(() => Task.FromResult(probe()));

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        Assert.Fail("Timed out");
        return null!;
    }
}

/// <summary>The run-local test uses fixed ports of its own and builds the dev host; it runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunLocalCollection
{
    public const string Name = "run-local";
}
