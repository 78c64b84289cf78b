using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Functions;
using ServerlessEvents.Emulators.Topology;
using ServerlessEvents.FunctionsHost;

namespace ServerlessEvents.Testing;

/// <summary>
/// The isolated worker app, started from its build output by the gRPC host double (<see cref="FunctionsHost.FunctionsHost"/>)
/// with the fixture's settings as app settings, the way the Functions host starts it. HTTP goes through the double's
/// front door; queue triggers poll Azurite with host.json's semantics; timers run when a test asks (schedules off, so a
/// sweep never runs in the middle of a test that counts); Event Grid is played by the test, through the extension's
/// one-string-per-event encoding.
/// </summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private TopologyDocument? _topology;

    private WorkerHost(FunctionsHost.FunctionsHost host, ServiceProvider services, string appDirectory, Logs.CapturedLogs logs)
    {
        Logs = logs;
        Host = host;
        _services = services;
        AppDirectory = appDirectory;
        Client = host.CreateClient();
    }

    /// <summary>Everything the host double and the worker logged (the worker's stdout and stderr and its RpcLog lines).</summary>
    public Logs.CapturedLogs Logs { get; }

    /// <summary>The host double.</summary>
    public FunctionsHost.FunctionsHost Host { get; }

    /// <summary>The worker app's build output.</summary>
    public string AppDirectory { get; }

    /// <summary>A client of the front door (<c>/api/...</c>), as callers of the Functions host use it.</summary>
    public HttpClient Client { get; }

    /// <summary>The front door's base URL.</summary>
    public string BaseUrl => Host.BaseAddress.ToString().TrimEnd('/');

    /// <summary>The app's services, configured with the same settings: stores and clients over the same storage.</summary>
    public IServiceProvider Services => _services;

    /// <summary>host.json's <c>maxDequeueCount</c>.</summary>
    public int MaxDequeueCount => Host.HostJson.Queues.MaxDequeueCount;

    /// <summary>Every HTTP function with one of its methods (upper case) and its route template, one entry per method.</summary>
    public IReadOnlyList<(string Function, string Method, string Route)> HttpRoutes =>
        Host.Functions.Where(f => f.Trigger.Is("httpTrigger"))
            .SelectMany(f => f.Trigger.ArrayProperty("methods").Select(m => (f.Name, m.ToUpperInvariant(), f.Trigger.Property("route") ?? f.Name)))
            .ToArray();

    /// <summary>The eventGridTrigger functions, by name.</summary>
    public IReadOnlyList<string> EventGridFunctions =>
        Host.Functions.Where(f => f.Trigger.Is("eventGridTrigger")).Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The Event Grid topology (infra/topology.json: what Bicep deploys and the dev host's topic applies).</summary>
    public TopologyDocument Topology => _topology ??= TopologyReader.LoadFile(Path.Combine(RepositoryPaths.Root, "infra", TopologyReader.FileName));

    /// <summary>Starts the worker in <paramref name="appDirectory"/> with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c>).</summary>
    public static async Task<WorkerHost> StartAsync(string appDirectory, IDictionary<string, string?> settings,
        Action<IServiceCollection>? inspection = null, Action<FunctionsHostOptions>? configure = null)
    {
        var options = new FunctionsHostOptions { AppDirectory = appDirectory, EnableTimerSchedules = false };
        foreach (var (key, value) in settings)
        {
            options.AppSettings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        options.AppSettings.TryAdd("DOTNET_ENVIRONMENT", "Development");
        configure?.Invoke(options);
        var logs = new Logs.CapturedLogs();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var host = await FunctionsHost.FunctionsHost.StartAsync(options, loggers);
        host.WorkerLogReceived += line => logs.Add($"worker {line.Level} {line.Category}: {line.Message}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddServerlessEventsFeatures(configuration);
        inspection?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        return new WorkerHost(host, services, appDirectory, logs);
    }

    /// <summary>Delivers one CloudEvent to one eventGridTrigger function, once.</summary>
    public async Task<InvocationOutcome> DeliverEventGridAsync(string function, JsonObject cloudEvent, CancellationToken cancellationToken = default) =>
        InvocationOutcome.FromWorker(await Host.InvokeEventGridAsync(function, cloudEvent, cancellationToken));

    /// <summary>
    /// Delivers one published CloudEvent to every eventGridTrigger function whose subscription (infra/topology.json)
    /// matches, retrying a failed one up to <paramref name="attempts"/> times in total; returns every attempt.
    /// </summary>
    public async Task<IReadOnlyList<InvocationOutcome>> DeliverToSubscribersAsync(JsonObject cloudEvent, int attempts = 1, CancellationToken cancellationToken = default)
    {
        var json = Encoding.UTF8.GetBytes(cloudEvent.ToJsonString());
        var type = cloudEvent["type"]?.GetValue<string>() ?? "";
        var subject = cloudEvent["subject"]?.GetValue<string>();
        var functions = EventGridFunctions.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var outcomes = new List<InvocationOutcome>();
        foreach (var subscription in Topology.HandlersFor(type, subject, json).Where(s => functions.Contains(s.FunctionName)))
        {
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                var outcome = await DeliverEventGridAsync(subscription.FunctionName, cloudEvent, cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Succeeded)
                {
                    break;
                }
            }
        }
        return outcomes;
    }

    /// <summary>Makes the Event Grid stand-in deliver every accepted event to the subscribers, like a live topic.</summary>
    public void ConnectEventGrid(EventGridSink sink) =>
        sink.Forward = async batch =>
        {
            foreach (var e in batch)
            {
                await DeliverToSubscribersAsync(e);
            }
        };

    /// <summary>Runs a timer function once, now.</summary>
    public async Task<InvocationOutcome> RunTimerAsync(string function, CancellationToken cancellationToken = default) =>
        InvocationOutcome.FromWorker(await Host.RunTimerAsync(function, cancellationToken));

    /// <summary>
    /// Lets the queue's trigger function work the queue off and returns the invocations it ran meanwhile: until nothing
    /// is visible, or with <paramref name="untilEmpty"/> until the queue is empty (delayed and retried messages done).
    /// </summary>
    public async Task<IReadOnlyList<InvocationOutcome>> DrainQueueAsync(QueueServiceClient queues, string queueName,
        int maxRounds = 100, bool untilEmpty = false, CancellationToken cancellationToken = default)
    {
        var function = Host.Functions.Single(f => f.Trigger.Is("queueTrigger") && string.Equals(f.Trigger.Property("queueName"), queueName, StringComparison.OrdinalIgnoreCase)).Name;
        var since = DateTimeOffset.UtcNow;
        var queue = queues.GetQueueClient(queueName);
        // Each round is a quarter second; the worker's own polling backs off to host.json's maxPollingInterval (2 s).
        var settled = 0;
        for (var round = 0; round < Math.Max(maxRounds, 40) * 2 && settled < 3; round++)
        {
            await Task.Delay(250, cancellationToken);
            var count = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var visible = count > 0 && (await queue.PeekMessagesAsync(1, cancellationToken)).Value.Length > 0;
            var quiet = !Host.Invocations.Any(i => i.Function == function && i.StartedAt + i.Duration > DateTimeOffset.UtcNow.AddSeconds(-1));
            settled = (count == 0 || (!untilEmpty && !visible && quiet)) && quiet ? settled + 1 : 0;
        }
        return Host.Invocations.Where(i => i.Function == function && i.StartedAt >= since).Select(InvocationOutcome.FromWorker).ToArray();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
