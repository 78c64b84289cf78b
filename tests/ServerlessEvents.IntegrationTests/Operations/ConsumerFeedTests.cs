using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

[Collection(OperationsCollection.Name)]
public sealed class ConsumerFeedTests(OperationsFixture pipeline)
{
    private static async Task<JsonObject> PutConsumerAsync(TenantClient tenant, string name, JsonObject body, HttpStatusCode expected)
    {
        using var response = await tenant.Http.PutAsJsonAsync("/api/consumers/" + name, body);
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> ReadPageAsync(TenantClient tenant, string name, int limit)
    {
        using var response = await tenant.Http.GetAsync($"/api/consumers/{name}/events?limit={limit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<HttpStatusCode> AckAsync(TenantClient tenant, string name, string cursor)
    {
        using var response = await tenant.Http.PostAsJsonAsync($"/api/consumers/{name}/ack", new JsonObject { ["cursor"] = cursor });
        return response.StatusCode;
    }

    [Fact]
    public async Task Consumer_reading_while_four_writers_ingest_sees_every_accepted_event_exactly_once()
    {
        using var tenant = await pipeline.CreateTenantAsync("cf");
        await PutConsumerAsync(tenant, "ledger", new JsonObject { ["eventTypes"] = new JsonArray("order.*", "user.created"), ["startAt"] = "earliest" }, HttpStatusCode.Created);
        var accepted = new ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var posted = 0;
            while (posted < 300)
            {
                var size = Math.Min(300 - posted, random.Next(1, 6));
                var batch = Enumerable.Range(posted, size).Select(i => EventSamples.CloudEvent($"w{w}-{i}", i % 2 == 0 ? "order.created" : "user.created",
                    i % 2 == 0 ? null : EventSamples.DataFor("user.created", $"{w}{i}"))).ToArray();
                using var response = await tenant.Http.PostBatchAsync(batch);
                var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                foreach (var result in body["items"]!.AsArray().Where(r => r!["status"]!.GetValue<string>() == "accepted"))
                {
                    accepted.Add(result!["id"]!.GetValue<string>());
                }
                posted += size;
                await Task.Delay(random.Next(0, 15));
            }
        })).ToArray();

        var seen = new List<string>();
        var writing = Task.WhenAll(writers);
        var quietSince = (DateTime?)null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!timeout.IsCancellationRequested)
        {
            var page = await ReadPageAsync(tenant, "ledger", 50);
            seen.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
            Assert.Equal(HttpStatusCode.OK, await AckAsync(tenant, "ledger", page["cursor"]!.GetValue<string>()));
            if (page["count"]!.GetValue<int>() > 0 || !writing.IsCompleted)
            {
                quietSince = null;
                continue;
            }
            // Writers are done: the feed is complete once an empty page comes back after more than the safety lag.
            quietSince ??= DateTime.UtcNow;
            if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(OperationsFixture.SafetyLagSeconds * 2))
            {
                break;
            }
            await Task.Delay(200);
        }
        await writing;

        Assert.Equal(1200, accepted.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(accepted.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Consumer_gets_only_its_types_and_acked_events_do_not_come_back()
    {
        using var tenant = await pipeline.CreateTenantAsync("cf");
        await PutConsumerAsync(tenant, "shipping", new JsonObject { ["eventTypes"] = new JsonArray("order.shipped"), ["startAt"] = "earliest" }, HttpStatusCode.Created);
        using (var posted = await tenant.Http.PostBatchAsync([
            EventSamples.CloudEvent("s-1", "order.shipped", EventSamples.DataFor("order.shipped")),
            EventSamples.CloudEvent("c-1"),
            EventSamples.CloudEvent("s-2", "order.shipped", EventSamples.DataFor("order.shipped", "2"))]))
        {
            posted.EnsureSuccessStatusCode();
        }
        JsonObject page;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            page = await ReadPageAsync(tenant, "shipping", 10);
        }
        while (page["count"]!.GetValue<int>() < 2 && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(["s-1", "s-2"], page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).Order());
        var again = await ReadPageAsync(tenant, "shipping", 10);
        Assert.Equal(2, again["count"]!.GetValue<int>());
        var cursor = page["cursor"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, await AckAsync(tenant, "shipping", cursor));
        Assert.Equal(HttpStatusCode.OK, await AckAsync(tenant, "shipping", cursor));
        Assert.Equal(0, (await ReadPageAsync(tenant, "shipping", 10))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ack_refuses_a_stale_cursor_with_409_and_another_consumers_cursor_with_400()
    {
        using var tenant = await pipeline.CreateTenantAsync("cf");
        var created = await PutConsumerAsync(tenant, "a", new JsonObject { ["startAt"] = "earliest" }, HttpStatusCode.Created);
        await PutConsumerAsync(tenant, "b", new JsonObject(), HttpStatusCode.Created);
        using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("x-1")))
        {
            posted.EnsureSuccessStatusCode();
        }
        JsonObject page;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            page = await ReadPageAsync(tenant, "a", 10);
        }
        while (page["count"]!.GetValue<int>() == 0 && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(HttpStatusCode.OK, await AckAsync(tenant, "a", page["cursor"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Conflict, await AckAsync(tenant, "a", created["cursor"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, await AckAsync(tenant, "b", page["cursor"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, await AckAsync(tenant, "a", "not-a-cursor"));
        using var other = await pipeline.CreateTenantAsync("cf");
        using var foreign = await other.Http.GetAsync("/api/consumers/a/events");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
    }
}
