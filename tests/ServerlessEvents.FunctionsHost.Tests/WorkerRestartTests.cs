using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class WorkerRestartTests(SampleHostFixture fixture)
{
    [Fact]
    public async Task A_restart_replaces_the_worker_process_and_the_new_one_serves_every_trigger()
    {
        var oldId = fixture.Host.WorkerProcessId!.Value;
        using var oldProcess = Process.GetProcessById(oldId);

        await fixture.Host.RestartWorkerAsync();

        Assert.True(oldProcess.HasExited);
        Assert.Equal(0, fixture.Host.LastWorkerExitCode); // WorkerTerminate: a clean exit, not a kill
        var newId = fixture.Host.WorkerProcessId!.Value;
        Assert.NotEqual(oldId, newId);
        using var client = fixture.Host.CreateClient();
        var json = JsonNode.Parse(await client.GetStringAsync("/api/orders/7/lines/x"))!;
        Assert.Equal(newId, json["processId"]!.GetValue<int>());
        Assert.True((await fixture.Host.RunTimerAsync("Hourly")).Succeeded);
    }

    [Fact]
    public async Task While_the_worker_is_stopped_HTTP_is_503_and_queue_messages_wait_for_the_next_worker()
    {
        await fixture.Host.StopWorkerAsync();
        try
        {
            Assert.False(fixture.Host.IsWorkerRunning);
            using var client = fixture.Host.CreateClient();
            using var response = await client.GetAsync("/api/orders/7/lines/x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var text = "later-" + Guid.NewGuid().ToString("N")[..8];
            await fixture.Queues.GetQueueClient(fixture.WorkQueue).SendMessageAsync(text);
            await Task.Delay(300);
            Assert.DoesNotContain(fixture.Host.Invocations, i => i.Outputs.GetValueOrDefault("$return") == text.ToUpperInvariant());

            await fixture.Host.StartWorkerAsync();

            await fixture.Host.WaitForInvocationsAsync(i => i.Succeeded && i.Outputs.GetValueOrDefault("$return") == text.ToUpperInvariant(), 1, TimeSpan.FromSeconds(20));
        }
        finally
        {
            await fixture.Host.StartWorkerAsync();
        }
    }

    [Fact]
    public async Task A_killed_worker_fails_nothing_silently_and_a_start_brings_it_back()
    {
        var oldId = fixture.Host.WorkerProcessId!.Value;

        await fixture.Host.StopWorkerAsync(kill: true);
        var whileDown = await fixture.Host.PublishEventGridAsync("OnCloudEvent", [new JsonObject { ["specversion"] = "1.0", ["id"] = "down", ["source"] = "/t", ["type"] = "sample.ok" }],
            new EventGrid.EventGridDeliveryOptions { MaxDeliveryAttempts = 1 });
        await fixture.Host.StartWorkerAsync();

        Assert.False(Assert.Single(whileDown).Delivered);
        Assert.NotEqual(oldId, fixture.Host.WorkerProcessId);
        Assert.True(Assert.Single(await fixture.Host.PublishEventGridAsync("OnCloudEvent", [new JsonObject { ["specversion"] = "1.0", ["id"] = "up", ["source"] = "/t", ["type"] = "sample.ok" }])).Delivered);
    }
}
