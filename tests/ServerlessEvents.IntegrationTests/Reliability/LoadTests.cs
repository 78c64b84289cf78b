using System.Collections.Concurrent;
using System.Diagnostics;
using ServerlessEvents.Testing;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Reliability;

[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class LoadTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    private const int Sends = 10_000;
    private const int Clients = 16;

    [Fact]
    public async Task Ten_thousand_posts_with_ten_percent_reposts_store_exactly_the_unique_events_once_and_publish_each()
    {
        using var created = await pipeline.CreateTenantAsync("load");
        using var tenant = HandlerClients.Direct(pipeline.Host, created);
        var acknowledged = new ConcurrentQueue<string>();
        var unique = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var tally = new StatusTally();
        var next = -1;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            int n;
            while ((n = Interlocked.Increment(ref next)) < Sends)
            {
                // Every tenth send re-posts an event that was already acknowledged (a client retrying).
                var repost = n % 10 == 9 && !acknowledged.IsEmpty;
                var id = repost ? acknowledged.ElementAt(random.Next(acknowledged.Count)) : $"load-{n}";
                using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id, data: EventSamples.OrderCreatedData("o-" + id)));
                var status = (int)response.StatusCode;
                tally.Add(status, (repost ? "repost " : "post ") + id);
                if (status is 202 or 200)
                {
                    unique[id] = true;
                    if (!repost)
                    {
                        acknowledged.Enqueue(id);
                    }
                }
            }
        })));
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await pipeline.Host.RunTimerAsync("outboxSweeper");
        var listed = await StoredEvents.ListAllIdsAsync(tenant.Http);
        var published = HandlerClients.PublishedIds(pipeline.EventGrid, created.Tenant);

        var duplicatesStored = listed.Count - listed.Distinct(StringComparer.Ordinal).Count();
        var notPublished = unique.Keys.Where(id => !published.Contains(id)).ToArray();
        output.WriteLine($"sent {Sends} ({Sends - unique.Count} re-posts) from {Clients} clients in {sendSeconds:F1} s; statuses {tally}");
        output.WriteLine($"unique acknowledged {unique.Count}, stored (listed) {listed.Count}, stored twice {duplicatesStored}, 5xx {tally.ServerErrors}, unpublished {notPublished.Length}");
        Assert.True(tally.ServerErrors == 0, tally.ServerErrorSamples);
        Assert.Equal(Sends - unique.Count, tally[200]);
        Assert.Equal(unique.Count, tally[202]);
        Assert.Equal(0, duplicatesStored);
        Assert.Equal(unique.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Empty(notPublished);
    }
}
