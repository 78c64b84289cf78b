using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

[Collection(OperationsCollection.Name)]
public sealed class ReplayTests(OperationsFixture pipeline)
{
    private QueueServiceClient Queues => pipeline.Host.Services.GetRequiredService<QueueServiceClient>();

    private static async Task<JsonObject> StartReplayAsync(TenantClient tenant, JsonObject body)
    {
        using var response = await tenant.Http.PostAsJsonAsync("/api/events/replay", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> ProgressAsync(TenantClient tenant, string replayId)
    {
        using var response = await tenant.Http.GetAsync("/api/replays/" + replayId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private IReadOnlyList<JsonObject> Replayed(string replayId) =>
        pipeline.EventGrid.Events.Where(e => e[CanonicalEvent.ReplayExtension]?.GetValue<string>() == replayId).ToArray();

    [Fact]
    public async Task Replay_of_five_thousand_events_runs_in_chunks_and_republishes_each_once_with_its_original_id()
    {
        using var tenant = await pipeline.CreateTenantAsync("rp");
        for (var batch = 0; batch < 10; batch++)
        {
            using var response = await tenant.Http.PostBatchAsync(Enumerable.Range(batch * 500, 500).Select(i => EventSamples.CloudEvent($"big-{i}")));
            Assert.Equal(500, (await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        }

        var started = await StartReplayAsync(tenant, new JsonObject { ["filter"] = new JsonObject { ["type"] = "order.*" }, ["target"] = new JsonObject { ["kind"] = "all" } });
        var replayId = started["replayId"]!.GetValue<string>();
        Assert.Equal(5000, started["count"]!.GetValue<long>());
        var outcomes = await pipeline.Host.DrainQueueAsync(Queues, QueueNames.ReplayJobs, maxRounds: 200);

        // 5,000 / ChunkSize 200 = 25 chunks, plus possibly an empty last page (the index cannot tell a full page is the last).
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.InRange(outcomes.Count, 25, 26);
        var replayed = Replayed(replayId);
        Assert.Equal(5000, replayed.Count);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"big-{i}").Order(StringComparer.Ordinal), replayed.Select(e => e["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(replayed, e => Assert.Null(e[CanonicalEvent.ReplayTargetExtension]));
        var progress = await ProgressAsync(tenant, replayId);
        Assert.Equal("completed", progress["status"]!.GetValue<string>());
        Assert.Equal(5000, progress["total"]!.GetValue<long>());
        Assert.Equal(5000, progress["processed"]!.GetValue<long>());
        Assert.Equal(100, progress["percent"]!.GetValue<double>());
        Assert.NotNull(progress["completedAt"]);
    }

    [Fact]
    public async Task A_chunk_delivered_twice_counts_once_and_does_not_fork_the_job()
    {
        using var tenant = await pipeline.CreateTenantAsync("rp");
        using (var response = await tenant.Http.PostBatchAsync(Enumerable.Range(0, 450).Select(i => EventSamples.CloudEvent($"dup-{i}"))))
        {
            response.EnsureSuccessStatusCode();
        }
        var replayId = (await StartReplayAsync(tenant, new JsonObject { ["filter"] = new JsonObject() }))["replayId"]!.GetValue<string>();
        var queue = Queues.GetQueueClient(QueueNames.ReplayJobs);
        // Duplicate the first chunk, as an at-least-once queue may.
        var first = (await queue.PeekMessagesAsync(1)).Value.Single();
        await queue.SendMessageAsync(first.MessageText);

        await pipeline.Host.DrainQueueAsync(Queues, QueueNames.ReplayJobs, maxRounds: 50);

        var progress = await ProgressAsync(tenant, replayId);
        Assert.Equal("completed", progress["status"]!.GetValue<string>());
        Assert.Equal(450, progress["processed"]!.GetValue<long>());
        var ids = Replayed(replayId).Select(e => e["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(450, ids.Distinct().Count());
        // Only the duplicated chunk may be published twice; the chain did not fork.
        Assert.InRange(ids.Length, 450, 650);
    }

    [Fact]
    public async Task Replay_by_ids_to_one_handler_marks_the_target_skips_unknown_ids_and_another_tenant_cannot_see_it()
    {
        using var tenant = await pipeline.CreateTenantAsync("rp");
        using (var response = await tenant.Http.PostBatchAsync([EventSamples.CloudEvent("id-1"), EventSamples.CloudEvent("id-2"), EventSamples.CloudEvent("id-3")]))
        {
            response.EnsureSuccessStatusCode();
        }
        var started = await StartReplayAsync(tenant, new JsonObject
        {
            ["ids"] = new JsonArray("id-1", "id-3", "missing"),
            ["target"] = new JsonObject { ["kind"] = "handler", ["name"] = "email" },
        });
        var replayId = started["replayId"]!.GetValue<string>();
        Assert.Equal(2, started["count"]!.GetValue<long>());
        await pipeline.Host.DrainQueueAsync(Queues, QueueNames.ReplayJobs);

        var replayed = Replayed(replayId);
        Assert.Equal(["id-1", "id-3"], replayed.Select(e => e["id"]!.GetValue<string>()).Order());
        Assert.All(replayed, e => Assert.Equal("handler:email", e[CanonicalEvent.ReplayTargetExtension]!.GetValue<string>()));
        Assert.All(replayed, e => Assert.Equal(tenant.Tenant, e[CanonicalEvent.TenantExtension]!.GetValue<string>()));
        using var other = await pipeline.CreateTenantAsync("rp");
        using var foreign = await other.Http.GetAsync("/api/replays/" + replayId);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"ids\":[],\"target\":{\"kind\":\"all\"}}")]
    [InlineData("{\"ids\":[\"a\"],\"filter\":{}}")]
    [InlineData("{\"filter\":{},\"target\":{\"kind\":\"bogus\"}}")]
    [InlineData("{\"filter\":{\"from\":\"yesterday\"}}")]
    [InlineData("not json")]
    public async Task Malformed_replay_requests_are_400_problems(string body)
    {
        using var tenant = await pipeline.CreateTenantAsync("rp");
        using var response = await tenant.Http.PostAsync("/api/events/replay", EventSamples.Content(body, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
