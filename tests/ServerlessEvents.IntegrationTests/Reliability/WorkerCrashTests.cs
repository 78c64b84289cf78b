using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Testing;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>
/// The worker process is killed in the middle of a load (as a crash or a scale-in would) and the host double starts a
/// new one, as the Functions host does. Clients retry what got no answer, as real clients do.
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class WorkerCrashTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    private const int Posts = 400;

    [Fact]
    public async Task A_killed_worker_loses_no_acknowledged_event_its_replay_finishes_and_a_deduplicating_handler_counts_each_event_once()
    {
        using var created = await pipeline.CreateTenantAsync("crash");
        using var tenant = HandlerClients.Direct(pipeline.Host, created);
        for (var batch = 0; batch < 6; batch++)
        {
            using var seeded = await tenant.Http.PostBatchAsync(Enumerable.Range(batch * 500, 500).Select(i => EventSamples.CloudEvent($"seed-{i}", "user.created", EventSamples.DataFor("user.created", i.ToString(CultureInfo.InvariantCulture)))));
            Assert.Equal(500, (await seeded.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        }
        // A replay of 3,000 events in chunks through the replay-jobs queue: in flight when the worker dies.
        using var replayStart = await tenant.Http.PostAsJsonAsync("/api/events/replay", new JsonObject
        {
            ["filter"] = new JsonObject { ["type"] = "user.created" }, ["target"] = new JsonObject { ["kind"] = "handler", ["name"] = "metrics" },
        });
        Assert.Equal(HttpStatusCode.Accepted, replayStart.StatusCode);
        var replayId = (await replayStart.Content.ReadFromJsonAsync<JsonObject>())!["replayId"]!.GetValue<string>();

        var acknowledged = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var unanswered = 0;
        var load = Parallel.ForEachAsync(Enumerable.Range(0, Posts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var id = $"crash-{i}";
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.AddOrUpdate(id, (int)response.StatusCode, (_, s) => s);
                        return;
                    }
                    Assert.True((int)response.StatusCode >= 500, $"{id}: {response.StatusCode}"); // only the outage may refuse it
                }
                catch (HttpRequestException)
                {
                }
                Interlocked.Increment(ref unanswered);
                await Task.Delay(100);
            }
        });
        while (acknowledged.Count < Posts / 4)
        {
            await Task.Delay(20);
        }
        await pipeline.Host.Host.StopWorkerAsync(kill: true);
        var killedAfter = acknowledged.Count;
        await pipeline.Host.Host.StartWorkerAsync();
        await load;

        // What the fast path did not publish before the crash, the sweeper publishes.
        var ids = Enumerable.Range(0, Posts).Select(i => $"crash-{i}").ToArray();
        HashSet<string> published;
        var sweeps = 0;
        do
        {
            Assert.True((await pipeline.Host.RunTimerAsync("outboxSweeper")).Succeeded);
            sweeps++;
            published = HandlerClients.PublishedIds(pipeline.EventGrid, created.Tenant);
        }
        while (!ids.All(published.Contains) && sweeps < 5);
        var missing = await StoredEvents.MissingAsync(tenant.Http, ids);

        // The replay's queued chunks are worked off by the new worker.
        var queues = pipeline.Host.Services.GetRequiredService<QueueServiceClient>();
        await pipeline.Host.DrainQueueAsync(queues, QueueNames.ReplayJobs, maxRounds: 200, untilEmpty: true);
        var progress = (await tenant.Http.GetFromJsonAsync<JsonObject>("/api/replays/" + replayId))!;
        var replayed = pipeline.EventGrid.Events.Where(e => e[CanonicalEvent.ReplayExtension]?.GetValue<string>() == replayId).Select(e => e["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        // A de-duplicating handler (metrics) gets every published copy twice and counts each event once.
        var copies = pipeline.EventGrid.Events.Where(e => e["tenantid"]?.GetValue<string>() == created.Tenant && e["id"]!.GetValue<string>().StartsWith("crash-", StringComparison.Ordinal) && e[CanonicalEvent.ReplayExtension] is null).ToArray();
        await Parallel.ForEachAsync(copies.Concat(copies), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (e, _) =>
            Assert.True((await pipeline.Host.DeliverEventGridAsync("metrics", e)).Succeeded));
        var counted = await IngestedCountAsync(tenant, "order.created");

        output.WriteLine($"acknowledged {acknowledged.Count}/{Posts} ({killedAfter} before the kill), unanswered attempts {unanswered}, sweeps {sweeps}, published copies {copies.Length}, replay {progress["status"]} {replayed.Count}/3000, counted {counted}");
        Assert.Equal(Posts, acknowledged.Count);
        Assert.True(unanswered > 0, "the kill interrupted nothing");
        Assert.True(missing.Count == 0, "acknowledged but not stored: " + string.Join(", ", missing.Take(20)));
        Assert.True(ids.All(published.Contains), "never published: " + string.Join(", ", ids.Where(id => !published.Contains(id)).Take(20)));
        Assert.Equal("completed", progress["status"]!.GetValue<string>());
        Assert.Equal(3000, replayed.Count);
        Assert.Equal(Posts, counted);
    }

    [Fact]
    public async Task Webhook_retries_queued_before_the_worker_is_killed_are_delivered_by_the_next_worker()
    {
        using var created = await pipeline.CreateTenantAsync("crashhook");
        using var tenant = HandlerClients.Direct(pipeline.Host, created);
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        // Every delivery fails its first attempt (503), so each one leaves a retry in the webhook-retries queue.
        await using var receiver = await ServerlessEvents.IntegrationTests.Webhooks.LoopbackReceiver.StartAsync((context, request) =>
        {
            var id = request.Headers.GetValueOrDefault("webhook-id") ?? "";
            context.Response.StatusCode = attempts.AddOrUpdate(id, 1, (_, n) => n + 1) == 1 ? 503 : 200;
            return Task.CompletedTask;
        });
        var hook = await ServerlessEvents.IntegrationTests.Webhooks.WebhookApi.CreateAsync(created, receiver.Url("/crash"), ["order.created"]);
        var ids = Enumerable.Range(0, 30).Select(i => $"crashhook-{i}").ToArray();
        foreach (var id in ids)
        {
            using var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        foreach (var e in pipeline.EventGrid.Events.Where(e => e["tenantid"]?.GetValue<string>() == created.Tenant).ToArray())
        {
            Assert.True((await pipeline.Host.DeliverEventGridAsync("webhooks", e)).Succeeded);
        }
        Assert.Equal(ids.Length, attempts.Count);
        Assert.All(attempts.Values, n => Assert.Equal(1, n));

        await pipeline.Host.Host.StopWorkerAsync(kill: true);
        await pipeline.Host.Host.StartWorkerAsync();

        var queues = pipeline.Host.Services.GetRequiredService<QueueServiceClient>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (attempts.Values.Any(n => n < 2) && DateTime.UtcNow < deadline)
        {
            await pipeline.Host.DrainQueueAsync(queues, QueueNames.WebhookRetries);
        }
        var delivered = receiver.Requests.Where(r => r.Path == "/crash").GroupBy(r => r.Headers["webhook-id"]).ToArray();

        output.WriteLine($"deliveries {delivered.Length}, attempts {string.Join(",", attempts.Values.GroupBy(n => n).Select(g => $"{g.Key}x{g.Count()}"))}");
        Assert.Equal(ids.Length, delivered.Length);
        Assert.All(attempts.Values, n => Assert.Equal(2, n));
        var bodies = delivered.Select(g => g.Last()).ToArray();
        Assert.All(bodies, r => ServerlessEvents.IntegrationTests.Webhooks.ReceiverVerification.Verify(r, hook.Secret));
        Assert.Equal(ids.Order(StringComparer.Ordinal), bodies.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private static async Task<long> IngestedCountAsync(TenantClient tenant, string type)
    {
        var text = await tenant.Http.GetStringAsync("/api/metrics");
        return text.Split('\n')
            .Where(l => l.StartsWith("serverlessevents_events_ingested_total{", StringComparison.Ordinal) && l.Contains($"type=\"{type}\"", StringComparison.Ordinal))
            .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
