using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.Bench;

/// <summary>
/// Everything a run needs: in-memory Azurite, the loopback Event Grid sink, and the worker app run by the host double,
/// configured against them. Clients call the host double's front door, as callers of the Functions host do.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    /// <summary>The administrator key the worker is started with.</summary>
    public const string AdminKey = "bench-admin-key-0123456789abcdef";

    private BenchEnvironment(AzuriteFixture azurite, EventGridSink sink, WorkerProcess handler)
    {
        Azurite = azurite;
        Sink = sink;
        Handler = handler;
        Client = CreateClient(handler);
    }

    /// <summary>Storage.</summary>
    public AzuriteFixture Azurite { get; }

    /// <summary>The Event Grid topic stand-in.</summary>
    public EventGridSink Sink { get; }

    /// <summary>The worker (behind the host double).</summary>
    public WorkerProcess Handler { get; private set; }

    /// <summary>A pooled client of the front door (no key; requests add theirs).</summary>
    public HttpClient Client { get; private set; }

    /// <summary>Starts Azurite, the sink and the worker.</summary>
    public static async Task<BenchEnvironment> StartAsync()
    {
        var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        var sink = await EventGridSink.StartAsync();
        return new BenchEnvironment(azurite, sink, await StartHandlerAsync(azurite, sink, new Dictionary<string, string>()));
    }

    /// <summary>Replaces the worker with one started with extra settings (same storage and sink); returns the old one's figures.</summary>
    public async Task<(double PeakMegabytes, double CpuSeconds)> RestartHandlerAsync(IReadOnlyDictionary<string, string> extra)
    {
        var figures = (Handler.PeakResidentBytes / 1_048_576.0, Handler.CpuTime.TotalSeconds);
        Client.Dispose();
        await Handler.DisposeAsync();
        Handler = await StartHandlerAsync(Azurite, Sink, extra);
        Client = CreateClient(Handler);
        return figures;
    }

    private static Task<WorkerProcess> StartHandlerAsync(AzuriteFixture azurite, EventGridSink sink, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["EventGrid__TopicEndpoint"] = sink.Endpoint,
            ["EventGrid__TopicKey"] = sink.Key,
            ["Auth__AdminKey"] = AdminKey,
            ["Webhooks__AllowLoopbackTargets"] = "true",
            ["Webhooks__SecretKeys__" + PipelineFixture.SecretKeyId] = PipelineFixture.SecretKey,
            ["Webhooks__ActiveSecretKeyId"] = PipelineFixture.SecretKeyId,
            // The bench measures the pipeline's own throughput, not the per-tenant quota.
            ["IngestQuota__Enabled"] = "false",
        };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }
        return WorkerProcess.StartAsync(RepositoryPaths.FunctionApp, settings);
    }

    private static HttpClient CreateClient(WorkerProcess handler) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = handler.BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };

    /// <summary>Creates a tenant and returns its API key.</summary>
    public async Task<string> CreateTenantAsync(string tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/management/tenants/{tenant}/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Handler.DisposeAsync();
        await Sink.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
