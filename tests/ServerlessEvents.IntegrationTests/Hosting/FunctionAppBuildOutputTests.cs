using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>
/// The worker app's build output is what the Functions host indexes: functions.metadata (written by the Worker SDK
/// from the [Function] attributes) and the WebJobs extensions in .azurefunctions/. The HTTP surface is frozen here,
/// so a route or method that changes by accident fails a test rather than a client.
/// </summary>
public sealed class FunctionAppBuildOutputTests
{
    internal static readonly (string Method, string Route, string Function)[] HttpSurface =
    [
        ("PUT", "consumers/{name}", "consumersPut"),
        ("POST", "consumers/{name}/ack", "consumersAck"),
        ("GET", "consumers/{name}/events", "consumersEvents"),
        ("GET", "dashboard", "dashboard"),
        ("GET", "dashboard/signalr.min.js", "dashboardSignalRClient"),
        ("GET", "event-types", "eventTypesList"),
        ("GET", "event-types/{type}", "eventTypesGet"),
        ("GET", "events", "eventsList"),
        ("POST", "events", "eventsIngest"),
        ("POST", "events/batch", "eventsIngestBatch"),
        ("POST", "events/replay", "eventsReplay"),
        ("GET", "events/stats", "eventsStats"),
        ("GET", "events/{id}", "eventsGet"),
        ("GET", "health", "health"),
        ("POST", "management/tenants/{tenant}/keys", "tenantKeysCreate"),
        ("DELETE", "management/tenants/{tenant}/keys/{keyId}", "tenantKeysRevoke"),
        ("DELETE", "management/tenants/{tenant}/quota", "tenantQuotaDelete"),
        ("GET", "management/tenants/{tenant}/quota", "tenantQuotaGet"),
        ("PUT", "management/tenants/{tenant}/quota", "tenantQuotaPut"),
        ("GET", "metrics", "metricsScrape"),
        ("POST", "negotiate", "negotiate"),
        ("GET", "openapi.json", "openApiDocument"),
        ("GET", "replays/{id}", "replaysGet"),
        ("GET", "settings/email", "emailSettingsGet"),
        ("PUT", "settings/email", "emailSettingsPut"),
        ("GET", "settings/retention", "retentionSettings"),
        ("PUT", "settings/retention", "retentionSettings"),
        ("GET", "users/{userId}/notifications", "notificationsList"),
        ("POST", "users/{userId}/notifications/{id}/read", "notificationRead"),
        ("GET", "users/{userId}/preferences", "preferencesGet"),
        ("PUT", "users/{userId}/preferences", "preferencesPut"),
        ("GET", "webhooks", "webhooksList"),
        ("POST", "webhooks", "webhooksCreate"),
        ("GET", "webhooks/undelivered", "webhooksUndelivered"),
        ("DELETE", "webhooks/{id}", "webhooksDelete"),
        ("GET", "webhooks/{id}", "webhooksGet"),
        ("PATCH", "webhooks/{id}", "webhooksUpdate"),
        ("GET", "webhooks/{id}/deliveries", "webhookDeliveriesList"),
        ("POST", "webhooks/{id}/deliveries/{deliveryId}/retry", "webhookDeliveryRetry"),
        ("POST", "webhooks/{id}/recover", "webhooksRecover"),
        ("POST", "webhooks/{id}/rotate-secret", "webhooksRotateSecret"),
        ("POST", "webhooks/{id}/test", "webhooksTest"),
    ];

    private static readonly string[] EventGridHandlers = ["email", "metrics", "notifications", "signalr", "webhooks"];

    private static JsonObject[] Metadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionApp, "functions.metadata")))!.AsArray().Select(f => f!.AsObject()).ToArray();

    private static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Functions_metadata_serves_exactly_the_frozen_http_surface_anonymously()
    {
        var served = Metadata().Where(f => Trigger(f)["type"]!.GetValue<string>() == "httpTrigger")
            .SelectMany(f => Trigger(f)["methods"]!.AsArray().Select(m => (Method: m!.GetValue<string>().ToUpperInvariant(), Route: Trigger(f)["route"]!.GetValue<string>(), Function: f["name"]!.GetValue<string>())))
            .OrderBy(p => p.Route, StringComparer.Ordinal).ThenBy(p => p.Method, StringComparer.Ordinal).ToArray();

        Assert.Equal(HttpSurface.OrderBy(p => p.Route, StringComparer.Ordinal).ThenBy(p => p.Method, StringComparer.Ordinal), served);
        Assert.All(Metadata().Where(f => Trigger(f)["type"]!.GetValue<string>() == "httpTrigger"),
            f => Assert.Equal("Anonymous", Trigger(f)["authLevel"]!.GetValue<string>()));
    }

    [Fact]
    public void Functions_metadata_has_one_event_grid_trigger_per_handler_and_the_queue_and_timer_triggers()
    {
        var byType = Metadata().ToLookup(f => Trigger(f)["type"]!.GetValue<string>(), f => f["name"]!.GetValue<string>());

        Assert.Equal(EventGridHandlers, byType["eventGridTrigger"].Order(StringComparer.Ordinal));
        var queues = Metadata().Where(f => Trigger(f)["type"]!.GetValue<string>() == "queueTrigger")
            .Select(f => (f["name"]!.GetValue<string>(), Trigger(f)["queueName"]!.GetValue<string>())).Order();
        Assert.Equal([("replayChunk", "replay-jobs"), ("webhookRetry", "webhook-retries")], queues);
        var timers = Metadata().Where(f => Trigger(f)["type"]!.GetValue<string>() == "timerTrigger")
            .Select(f => (f["name"]!.GetValue<string>(), Trigger(f)["schedule"]!.GetValue<string>())).Order();
        Assert.Equal([("outboxSweeper", "*/30 * * * * *"), ("retentionSweeper", "0 20 * * * *")], timers);
        Assert.Equal(HttpSurface.Select(p => p.Function).Distinct().Count() + EventGridHandlers.Length + 4, Metadata().Length);
        Assert.All(Metadata(), f => Assert.Equal("dotnet-isolated", f["language"]!.GetValue<string>()));
    }

    [Fact]
    public void The_build_output_carries_the_event_grid_and_storage_queues_extensions_for_the_host()
    {
        var extensions = Path.Combine(RepositoryPaths.FunctionApp, ".azurefunctions");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionApp, "extensions.json")))!["extensions"]!.AsArray()
            .Select(e => e!["name"]!.GetValue<string>()).ToArray();

        Assert.True(File.Exists(Path.Combine(extensions, "Microsoft.Azure.WebJobs.Extensions.EventGrid.dll")));
        Assert.True(File.Exists(Path.Combine(extensions, "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")));
        Assert.Contains("EventGrid", manifest);
        Assert.Contains(manifest, name => name.StartsWith("AzureStorageQueues", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_output_is_a_worker_app_with_no_custom_handler_in_it()
    {
        var root = RepositoryPaths.FunctionApp;
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "host.json")))!.AsObject();
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "worker.config.json")))!["description"]!;

        Assert.False(host.ContainsKey("customHandler"));
        Assert.False(host.ContainsKey("extensionBundle"));
        Assert.Equal("ServerlessEvents.FunctionApp.dll", worker["defaultWorkerPath"]!.GetValue<string>());
        Assert.Empty(Directory.EnumerateFiles(root, "function.json", SearchOption.AllDirectories));
    }
}
