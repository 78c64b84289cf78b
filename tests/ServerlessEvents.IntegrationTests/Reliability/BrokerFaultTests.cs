using System.Net;
using ServerlessEvents.Testing;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Reliability;

[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class BrokerFaultTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    [Fact]
    public async Task Events_accepted_while_the_broker_is_down_are_all_published_by_the_sweeper_after_it_recovers()
    {
        using var created = await pipeline.CreateTenantAsync("broker");
        using var tenant = HandlerClients.Direct(pipeline.Host, created);
        var tally = new StatusTally();
        var ids = Enumerable.Range(0, 300).Select(i => $"broker-{i}").ToArray();

        pipeline.EventGrid.Available = false;
        try
        {
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            {
                using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
                tally.Add((int)response.StatusCode, id);
            });
            var failedSweep = await pipeline.Host.RunTimerAsync("outboxSweeper");
            output.WriteLine($"sweep during the outage succeeded: {failedSweep.Succeeded}");
        }
        finally
        {
            pipeline.EventGrid.Available = true;
        }
        var publishedDuringOutage = HandlerClients.PublishedIds(pipeline.EventGrid, created.Tenant).Count;

        var sweeps = 0;
        HashSet<string> published;
        do
        {
            var outcome = await pipeline.Host.RunTimerAsync("outboxSweeper");
            Assert.True(outcome.Succeeded, $"sweep failed: {outcome.Failure}");
            sweeps++;
            published = HandlerClients.PublishedIds(pipeline.EventGrid, created.Tenant);
        }
        while (published.Count < ids.Length && sweeps < 5);

        output.WriteLine($"sent {ids.Length}; statuses {tally}; published while down {publishedDuringOutage}; published after {sweeps} sweep(s) {published.Count}; 5xx {tally.ServerErrors}");
        Assert.Equal(ids.Length, tally[(int)HttpStatusCode.Accepted]);
        Assert.Equal(0, publishedDuringOutage);
        var unpublished = ids.Where(id => !published.Contains(id)).ToArray();
        Assert.True(unpublished.Length == 0, "never published: " + string.Join(", ", unpublished.Take(20)));
    }
}
