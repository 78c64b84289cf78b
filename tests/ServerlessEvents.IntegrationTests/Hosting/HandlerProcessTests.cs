using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>The built handler, started as the Functions host starts it: a process told its port by environment variable.</summary>
public sealed class HandlerProcessTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Handler_listens_on_the_port_the_host_gives_and_reports_unreachable_storage_as_503()
    {
        var port = FreePort();
        var deadStoragePort = FreePort();
        var start = new ProcessStartInfo("dotnet", "ServerlessEvents.Functions.dll")
        {
            WorkingDirectory = RepositoryPaths.ScriptRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AzureWebJobsStorage"] =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Testing.Azurite.AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{deadStoragePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{deadStoragePort}/devstoreaccount1;";
        start.Environment["EventGrid__TopicEndpoint"] = "https://example.invalid/api/events";
        start.Environment["EventGrid__TopicKey"] = "unused";
        start.Environment["Webhooks__SecretKeys__" + PipelineFixture.SecretKeyId] = PipelineFixture.SecretKey;
        start.Environment["Webhooks__ActiveSecretKeyId"] = PipelineFixture.SecretKeyId;
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            HttpResponseMessage? root = null;
            for (var attempt = 0; attempt < 1200 && root is null && !process.HasExited; attempt++)
            {
                try
                {
                    root = await client.GetAsync("/");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(25);
                }
            }

            Assert.NotNull(root);
            Assert.Equal(HttpStatusCode.OK, root!.StatusCode);
            using var health = await client.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var body = (await health.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Unhealthy", body["dependencies"]!["tables"]!["status"]!.GetValue<string>());
            Assert.Equal("Healthy", body["dependencies"]!["eventGrid"]!["status"]!.GetValue<string>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
