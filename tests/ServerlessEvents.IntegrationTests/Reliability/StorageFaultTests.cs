using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Azurite;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Owns its whole stack: it stops and restarts a disk-persisted Azurite under load.</summary>
[Trait("Category", "Reliability")]
public sealed class StorageFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = AzuriteFixture.CreatePersistent();
    private EventGridSink _sink = null!;
    private WorkerHost _host = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _sink = await EventGridSink.StartAsync();
        _host = await WorkerHost.StartAsync(RepositoryPaths.FunctionApp, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["EventGrid:TopicEndpoint"] = _sink.Endpoint,
            ["EventGrid:TopicKey"] = _sink.Key,
            ["Auth:AdminKey"] = PipelineFixture.AdminKey,
            ["Outbox:MinAgeSeconds"] = "0",
            ["Webhooks:SecretKeys:" + PipelineFixture.SecretKeyId] = PipelineFixture.SecretKey,
            ["Webhooks:ActiveSecretKeyId"] = PipelineFixture.SecretKeyId,
            ["IngestQuota:Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Storage_outage_mid_load_yields_503_never_500_and_every_acknowledged_event_survives_the_restart()
    {
        using var tenant = await CreateTenantAsync();
        var acknowledged = new ConcurrentBag<string>();
        var tally = new StatusTally();
        var outageTally = new StatusTally();
        var phase = 0; // 0 before the outage, 1 during, 2 after the restart
        var next = -1;
        using var stop = new CancellationTokenSource();

        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = $"fault-{Interlocked.Increment(ref next)}";
                var status = await PostAsync(tenant, id);
                tally.Add(status, id);
                if (Volatile.Read(ref phase) == 1)
                {
                    outageTally.Add(status, id);
                }
                if (status is 202 or 200)
                {
                    acknowledged.Add(id);
                }
            }
        })));

        await WaitUntilAsync(() => acknowledged.Count >= 200, "200 events acknowledged before the outage");
        await _azurite.StopAsync(graceful: true);
        Volatile.Write(ref phase, 1);
        await WaitUntilAsync(() => outageTally[503] >= 16, "16 requests answered 503 during the outage");
        await _azurite.StartAsync();
        var before = acknowledged.Count;
        Volatile.Write(ref phase, 2);
        await WaitUntilAsync(() => acknowledged.Count >= before + 200, "200 more events acknowledged after the restart");
        await stop.CancelAsync();
        await load;

        var missing = await StoredEvents.MissingAsync(tenant.Http, acknowledged);
        output.WriteLine($"sent {tally.Total}; statuses {tally}; during the outage {outageTally}; acknowledged {acknowledged.Count}; missing after restart {missing.Count}; 5xx other than 503: {tally.ServerErrors - tally[503]}");
        Assert.True(tally.ServerErrors == tally[503], tally.ServerErrorSamples);
        Assert.Equal(0, tally[-1]);
        Assert.True(outageTally[503] > 0);
        Assert.Empty(missing);
    }

    private async Task<TenantClient> CreateTenantAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/management/tenants/fault/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PipelineFixture.AdminKey);
        using var response = await _host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new TenantClient("fault", created["keyId"]!.GetValue<string>(), created["key"]!.GetValue<string>(), _host.Client.BaseAddress!.ToString().TrimEnd('/'));
    }

    private static async Task<int> PostAsync(TenantClient tenant, string id)
    {
        try
        {
            using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent(id));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return -1; // the handler itself never went away, so this would be a defect; counted and asserted below
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "timed out waiting for: " + what);
            await Task.Delay(50);
        }
    }
}
