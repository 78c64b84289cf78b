using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Testing.Azurite;
using Xunit;

namespace ServerlessEvents.Testing;

/// <summary>
/// The whole pipeline on one machine: Azurite, a loopback Event Grid topic, and the isolated worker app (or the test
/// worker, for a fixture that needs a seam) run by the gRPC host double, configured as in Azure but pointing at those. Tests create their own tenants, so
/// one instance serves a whole collection.
/// </summary>
public class PipelineFixture : IAsyncLifetime
{
    /// <summary>The administrator key the worker is configured with.</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    /// <summary>The key id and base64 key-encryption key the worker encrypts webhook secrets with (test only).</summary>
    public const string SecretKeyId = "test1", SecretKey = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0wMDE=";

    private int _tenants;

    /// <summary>Storage.</summary>
    public AzuriteFixture Azurite { get; } = new();

    /// <summary>The Event Grid topic stand-in.</summary>
    public EventGridSink EventGrid { get; private set; } = null!;

    /// <summary>The worker app, run by the gRPC host double.</summary>
    public WorkerHost Host { get; private set; } = null!;

    /// <summary>Settings on top of the defaults; override to change them for a derived fixture.</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = Azurite.ConnectionString,
        ["EventGrid:TopicEndpoint"] = EventGrid.Endpoint,
        ["EventGrid:TopicKey"] = EventGrid.Key,
        ["Auth:AdminKey"] = AdminKey,
        ["Outbox:MinAgeSeconds"] = "0",
        ["Webhooks:SecretKeys:" + SecretKeyId] = SecretKey,
        ["Webhooks:ActiveSecretKeyId"] = SecretKeyId,
        // Tests ingest thousands of events at once; the quota tests turn quotas back on (QuotaFixture).
        ["IngestQuota:Enabled"] = "false",
    };

    /// <summary>The worker app to start: the product app, or the test worker (<see cref="RepositoryPaths.TestWorker"/>) for a fixture that needs a seam.</summary>
    protected virtual string WorkerApp => RepositoryPaths.FunctionApp;

    /// <summary>
    /// The host double's settings. Event Grid's retry schedule (10 s, 30 s, 1 min, … up to 30 attempts) is shortened
    /// to 0.2 s, 0.4 s, 0.8 s with 4 attempts, so a redelivery or dead-letter test takes about a second.
    /// </summary>
    protected virtual void ConfigureHost(ServerlessEvents.FunctionsHost.FunctionsHostOptions options)
    {
        options.EventGrid.RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];
        options.EventGrid.MaxDeliveryAttempts = 4;
    }

    /// <summary>Extra services of the in-test-process <see cref="WorkerHost.Services"/> (never of the worker).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        Logs.LogCanaries.Register("the admin key", AdminKey);
        Logs.LogCanaries.Register("the key-encryption key", SecretKey);
        Logs.LogCanaries.Register("an event and email body", "Ada Lovelace");
        Logs.LogCanaries.Register("the SignalR access key", ServerlessEvents.Emulators.SignalR.LocalSignalRService.DefaultAccessKey);
        await Azurite.StartAsync();
        EventGrid = await EventGridSink.StartAsync();
        Logs.LogCanaries.Register("the Event Grid topic key", EventGrid.Key);
        Host = await WorkerHost.StartAsync(WorkerApp, Settings(), ConfigureServices, ConfigureHost);
    }

    /// <summary>Creates a fresh tenant with a key and returns a client of the host that sends that key.</summary>
    public Task<TenantClient> CreateTenantAsync(string prefix = "t") =>
        CreateKeyAsync($"{prefix}{Interlocked.Increment(ref _tenants)}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 34)].ToLowerInvariant());

    /// <summary>Creates a key for <paramref name="tenant"/> (the tenant too, with its first key); a client that sends it.</summary>
    public async Task<TenantClient> CreateKeyAsync(string tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/management/tenants/{tenant}/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await Host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Logs.LogCanaries.Register("a tenant key", created["key"]!.GetValue<string>());
        return new TenantClient(tenant, created["keyId"]!.GetValue<string>(), created["key"]!.GetValue<string>(), Host.BaseUrl);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        // The log audit: no secret or body the scenarios of this collection made reached a log.
        await Host.DisposeAsync();
        var leaks = Logs.LogCanaries.LeaksIn(Host.Logs);
        await EventGrid.DisposeAsync();
        await Azurite.DisposeAsync();
        if (!Host.Logs.Lines.Any(l => l.StartsWith("worker ", StringComparison.Ordinal)) || Logs.LogCanaries.Count < 4)
        {
            throw new InvalidOperationException("The log audit saw no worker logs or no canaries; it would prove nothing.");
        }
        if (leaks.Count > 0)
        {
            // A fixture's failure shows only its exception type in the summary, so say what leaked on stderr too.
            Console.Error.WriteLine($"log audit ({GetType().Name}): secrets or bodies in the logs:\n" + string.Join("\n", leaks));
            throw new InvalidOperationException("Secrets or bodies in the logs:\n" + string.Join("\n", leaks));
        }
    }
}
