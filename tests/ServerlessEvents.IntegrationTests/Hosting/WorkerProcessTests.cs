using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>The built worker app, started by the host double as the Functions host starts it, with storage out of reach.</summary>
public sealed class WorkerProcessTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_worker_starts_without_storage_and_reports_it_unreachable_as_503_from_health()
    {
        var deadStoragePort = FreePort();
        await using var host = await WorkerHost.StartAsync(RepositoryPaths.FunctionApp, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Testing.Azurite.AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{deadStoragePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{deadStoragePort}/devstoreaccount1;",
            ["EventGrid:TopicEndpoint"] = "https://example.invalid/api/events",
            ["EventGrid:TopicKey"] = "unused",
            ["Auth:AdminKey"] = PipelineFixture.AdminKey,
            ["Webhooks:SecretKeys:" + PipelineFixture.SecretKeyId] = PipelineFixture.SecretKey,
            ["Webhooks:ActiveSecretKeyId"] = PipelineFixture.SecretKeyId,
            ["Storage:NetworkTimeoutSeconds"] = "2",
            ["Storage:MaxRetries"] = "0",
        }, configure: options => options.EnableQueueTriggers = false);

        using var health = await host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = (await health.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Unhealthy", body["dependencies"]!["tables"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["dependencies"]!["eventGrid"]!["status"]!.GetValue<string>());
        Assert.True(host.Host.IsWorkerRunning);
    }
}
