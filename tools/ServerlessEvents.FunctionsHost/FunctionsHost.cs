using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessEvents.FunctionsHost.EventGrid;
using ServerlessEvents.FunctionsHost.Http;
using ServerlessEvents.FunctionsHost.Metadata;
using ServerlessEvents.FunctionsHost.Queues;
using ServerlessEvents.FunctionsHost.Rpc;
using ServerlessEvents.FunctionsHost.Timers;
using ServerlessEvents.FunctionsHost.Worker;

namespace ServerlessEvents.FunctionsHost;

/// <summary>
/// A Functions host double for a .NET isolated worker. It starts the worker from its build output and speaks the
/// host's side of FunctionRpc, serves HTTP functions from a front door, polls queue triggers, runs timers and
/// delivers Event Grid events with Event Grid's retry and dead-lettering. <see cref="StopWorkerAsync"/> and
/// <see cref="StartWorkerAsync"/> restart the worker process while the host (and its front door) keep running.
/// </summary>
public class FunctionsHost : IAsyncDisposable
{
    private readonly FunctionsHostOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly WebApplication _rpcServer;
    private readonly WorkerChannelRegistry _registry;
    private readonly ExtensionsManifest _extensions;
    private readonly AppSettingResolver _settings;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<WorkerLog>> _invocationLogs = new();
    private readonly ConcurrentQueue<InvocationResult> _invocations = new();
    private readonly List<IAsyncDisposable> _triggers = [];
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private HttpFrontDoor? _frontDoor;
    private EventGridPublisher? _eventGrid;
    private WorkerSession? _session;
    private IReadOnlyList<WorkerFunction> _functions = [];

    /// <summary>For mocking only.</summary>
    protected FunctionsHost()
    {
        _options = new FunctionsHostOptions();
        _loggerFactory = NullLoggerFactory.Instance;
        _logger = NullLogger.Instance;
        _rpcServer = null!;
        _registry = new WorkerChannelRegistry();
        _extensions = null!;
        _settings = new AppSettingResolver(_options.AppSettings);
        HostJson = new HostJson();
    }

    private FunctionsHost(FunctionsHostOptions options, ILoggerFactory loggerFactory, WebApplication rpcServer, WorkerChannelRegistry registry)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("ServerlessEvents.FunctionsHost");
        _rpcServer = rpcServer;
        _registry = registry;
        _extensions = ExtensionsManifest.Load(options.AppDirectory);
        _settings = new AppSettingResolver(options.AppSettings);
        HostJson = HostJson.Load(options.AppDirectory);
        RpcEndpoint = new Uri(rpcServer.Urls.Single() + "/");
    }

    /// <summary>The host.json settings in force.</summary>
    public HostJson HostJson { get; }

    /// <summary>The gRPC endpoint the worker connects to (h2c on 127.0.0.1).</summary>
    public Uri RpcEndpoint { get; } = new("http://127.0.0.1/");

    /// <summary>The front door (HTTP functions under the route prefix, <c>/runtime/webhooks/eventgrid</c>).</summary>
    public virtual Uri BaseAddress => _frontDoor?.BaseAddress ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The functions the worker indexed.</summary>
    public virtual IReadOnlyList<WorkerFunction> Functions => _functions;

    /// <summary>The worker's process id, or null while it is stopped.</summary>
    public virtual int? WorkerProcessId => _session?.ProcessId;

    /// <summary>The exit code of the last worker process the host stopped, or null before any stop.</summary>
    public virtual int? LastWorkerExitCode { get; private set; }

    /// <summary>True while a worker process is connected and loaded.</summary>
    public virtual bool IsWorkerRunning => _session is { HasExited: false };

    /// <summary>Every completed invocation, in completion order.</summary>
    public virtual IReadOnlyList<InvocationResult> Invocations => _invocations.ToArray();

    /// <summary>Events Event Grid gave up on (see <see cref="PublishEventGridAsync"/>).</summary>
    public virtual IReadOnlyList<DeadLetteredEvent> DeadLetters => _eventGrid?.DeadLetters ?? [];

    /// <summary>Raised after every invocation.</summary>
    public event Action<InvocationResult>? InvocationCompleted;

    /// <summary>Raised for every log line the worker sends (inside or outside invocations).</summary>
    public event Action<WorkerLog>? WorkerLogReceived;

    internal WorkerSession? Session => _session;

    internal AppSettingResolver Settings => _settings;

    internal ILoggerFactory LoggerFactory => _loggerFactory;

    internal FunctionsHostOptions Options => _options;

    /// <summary>
    /// Validates <paramref name="options"/>, starts the gRPC server, the worker and the front door, then the queue
    /// and timer triggers. Throws when the worker fails to start or uses a binding type the build does not provide.
    /// </summary>
    public static async Task<FunctionsHost> StartAsync(FunctionsHostOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var registry = new WorkerChannelRegistry();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(registry);
        builder.Services.AddGrpc(o => { o.MaxReceiveMessageSize = null; o.MaxSendMessageSize = null; });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var rpcServer = builder.Build();
        rpcServer.MapGrpcService<FunctionRpcService>();
        await rpcServer.StartAsync(cancellationToken);
        var host = new FunctionsHost(options, loggerFactory, rpcServer, registry);
        try
        {
            await host.StartWorkerAsync(cancellationToken);
            host._frontDoor = await HttpFrontDoor.StartAsync(host, options.HttpPort, cancellationToken);
            host._eventGrid = new EventGridPublisher(host, loggerFactory.CreateLogger<EventGridPublisher>());
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the worker process (after <see cref="StopWorkerAsync"/>) and its triggers; no-op when running.</summary>
    public virtual async Task StartWorkerAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_session is not null) return;
            _session = await WorkerSession.StartAsync(_options, _registry, RpcEndpoint, _extensions, OnRpcLog, _logger, cancellationToken);
            _functions = _session.Functions;
            StartTriggers();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops the triggers, sends WorkerTerminate and waits for the process to exit (killing it after the grace
    /// period). With <paramref name="kill"/>, kills it at once instead, like a crash.
    /// </summary>
    public virtual async Task StopWorkerAsync(bool kill = false)
    {
        await _lifecycle.WaitAsync();
        try
        {
            await StopTriggersAsync();
            var session = _session;
            _session = null;
            if (session is null) return;
            LastWorkerExitCode = kill ? session.Kill() : await session.StopAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the worker process and starts a new one.</summary>
    public virtual async Task RestartWorkerAsync(CancellationToken cancellationToken = default)
    {
        await StopWorkerAsync();
        await StartWorkerAsync(cancellationToken);
    }

    /// <summary>A client of the front door.</summary>
    public virtual HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>Runs a timer function once now, as the portal's "run" (admin) call does; returns its outcome.</summary>
    public virtual Task<InvocationResult> RunTimerAsync(string function, CancellationToken cancellationToken = default)
    {
        var target = Function(function);
        if (!target.Trigger.Is("timerTrigger")) throw new ArgumentException($"'{function}' is not a timer function.", nameof(function));
        return TimerInvocation.InvokeAsync(this, target, TimerSchedule.Parse(_settings.Resolve(target.Trigger.Property("schedule") ?? "")), last: null, isPastDue: false, cancellationToken);
    }

    /// <summary>
    /// Publishes events to an eventGridTrigger function as Event Grid delivers to an AzureFunction subscription:
    /// one delivery per event (a batched function gets them all in one), POSTed to the front door's webhook; a
    /// failed delivery is retried on <see cref="EventGridDeliveryOptions.RetryDelays"/> and dead-lettered when the
    /// attempts or the time to live run out, or at once on 400, 403 or 413. Completes when every delivery has
    /// succeeded or been dead-lettered.
    /// </summary>
    /// <param name="function">The eventGridTrigger function (the subscription's destination).</param>
    /// <param name="cloudEvents">CloudEvents 1.0 JSON objects.</param>
    /// <param name="subscription">This subscription's delivery settings; default the host's <see cref="FunctionsHostOptions.EventGrid"/>.</param>
    /// <param name="cancellationToken">Stops retrying.</param>
    public virtual Task<IReadOnlyList<EventGridDelivery>> PublishEventGridAsync(string function, IEnumerable<System.Text.Json.Nodes.JsonObject> cloudEvents,
        EventGridDeliveryOptions? subscription = null, CancellationToken cancellationToken = default)
    {
        var target = Function(function);
        if (!target.Trigger.Is("eventGridTrigger")) throw new ArgumentException($"'{function}' is not an eventGridTrigger function.", nameof(function));
        subscription?.Validate();
        return (_eventGrid ?? throw new InvalidOperationException("The host has not started.")).PublishAsync(target, cloudEvents.ToArray(), subscription ?? _options.EventGrid, cancellationToken);
    }

    /// <summary>
    /// Hands one event to an eventGridTrigger function once, as the extension's webhook does for one event of a
    /// delivery, and returns that invocation's outcome: no retry, no dead-letter (a test plays Event Grid itself).
    /// </summary>
    public virtual Task<InvocationResult> InvokeEventGridAsync(string function, System.Text.Json.Nodes.JsonObject cloudEvent, CancellationToken cancellationToken = default)
    {
        var target = Function(function);
        if (!target.Trigger.Is("eventGridTrigger")) throw new ArgumentException($"'{function}' is not an eventGridTrigger function.", nameof(function));
        return new EventGridWebhook(this).InvokeOneAsync(target, cloudEvent, cancellationToken);
    }

    /// <summary>Waits until <paramref name="count"/> completed invocations match <paramref name="predicate"/>; returns them.</summary>
    public virtual async Task<IReadOnlyList<InvocationResult>> WaitForInvocationsAsync(Func<InvocationResult, bool> predicate, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(InvocationResult _)
        {
            if (_invocations.Count(predicate) >= count) done.TrySetResult();
        }
        InvocationCompleted += Check;
        try
        {
            Check(null!);
            await done.Task.WaitAsync(timeout, cancellationToken);
            return _invocations.Where(predicate).ToArray();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {_invocations.Count(predicate)} of {count} matching invocations completed within {timeout}.");
        }
        finally
        {
            InvocationCompleted -= Check;
        }
    }

    /// <summary>The function named <paramref name="name"/>; throws when the worker has none.</summary>
    public virtual WorkerFunction Function(string name) =>
        _functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"The worker has no function '{name}'.", nameof(name));

    /// <summary>Sends one InvocationRequest and waits for its response (or the function timeout).</summary>
    internal async Task<InvocationResult> InvokeAsync(WorkerFunction function, IEnumerable<ParameterBinding> inputs, IDictionary<string, TypedData> triggerMetadata,
        string? invocationId = null, CancellationToken cancellationToken = default)
    {
        var id = invocationId ?? Guid.NewGuid().ToString();
        var request = new InvocationRequest
        {
            InvocationId = id,
            FunctionId = function.Id,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", TraceState = "" },
        };
        request.InputData.Add(inputs);
        request.TriggerMetadata.Add(triggerMetadata);
        var logs = new ConcurrentQueue<WorkerLog>();
        _invocationLogs[id] = logs;
        var started = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        InvocationResult Result(InvocationStatus status, string? type = null, string? message = null, Dictionary<string, string>? outputs = null) => new()
        {
            Function = function.Name, InvocationId = id, TriggerType = function.Trigger.Type, Status = status,
            ExceptionType = type, ExceptionMessage = message, Outputs = outputs ?? [], Logs = logs.ToArray(),
            StartedAt = started, Duration = stopwatch.Elapsed,
        };
        InvocationResult result;
        var channel = _session?.Channel;
        try
        {
            if (channel is null) throw new WorkerUnavailableException("The worker is not running.");
            var response = await channel.InvokeAsync(request).WaitAsync(_options.FunctionTimeout, cancellationToken);
            var outputs = response.OutputData.Where(o => o.Data is not null).ToDictionary(o => o.Name, o => TypedDataText.ToText(o.Data) ?? "");
            if (response.ReturnValue is not null && TypedDataText.ToText(response.ReturnValue) is { } returned) outputs["$return"] = returned;
            result = response.Result?.Status switch
            {
                StatusResult.Types.Status.Success => Result(InvocationStatus.Succeeded, outputs: outputs),
                StatusResult.Types.Status.Cancelled => Result(InvocationStatus.Cancelled, response.Result.Exception?.Type, response.Result.Exception?.Message),
                _ => Result(InvocationStatus.Failed, response.Result?.Exception?.Type, response.Result?.Exception?.Message ?? response.Result?.Result),
            };
        }
        catch (TimeoutException)
        {
            Cancel(channel!, id);
            result = Result(InvocationStatus.Failed, "Microsoft.Azure.WebJobs.Host.FunctionTimeoutException", $"Timeout value of {_options.FunctionTimeout} exceeded by function '{function.Name}' (Id: '{id}').");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Cancel(channel!, id);
            result = Result(InvocationStatus.Cancelled, nameof(OperationCanceledException), "The host cancelled the invocation.");
        }
        catch (WorkerUnavailableException e)
        {
            result = Result(InvocationStatus.Failed, nameof(WorkerUnavailableException), e.Message);
        }
        finally
        {
            _invocationLogs.TryRemove(id, out _);
        }
        HostLog.Executed(_logger, function.Name, result.Status, id, (long)result.Duration.TotalMilliseconds);
        _invocations.Enqueue(result);
        InvocationCompleted?.Invoke(result);
        return result;
    }

    private static void Cancel(WorkerChannel channel, string invocationId)
    {
        channel.Abandon(invocationId);
        try { channel.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } }); }
        catch (WorkerUnavailableException) { }
    }

    private void OnRpcLog(RpcLog log)
    {
        var line = new WorkerLog(log.Category, log.Level.ToString(), log.Message, log.LogCategory == RpcLog.Types.RpcLogCategory.User,
            string.IsNullOrEmpty(log.InvocationId) ? null : log.InvocationId);
        if (!string.IsNullOrEmpty(log.InvocationId) && _invocationLogs.TryGetValue(log.InvocationId, out var logs))
        {
            logs.Enqueue(line);
        }
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (level != LogLevel.None && log.LogCategory != RpcLog.Types.RpcLogCategory.CustomMetric)
        {
            HostLog.WorkerMessage(_loggerFactory.CreateLogger(string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category), level, log.Message);
        }
        WorkerLogReceived?.Invoke(line);
    }

    private void StartTriggers()
    {
        foreach (var function in _functions)
        {
            if (_options.EnableQueueTriggers && function.Trigger.Is("queueTrigger"))
            {
                _triggers.Add(QueueTriggerListener.Start(this, function));
            }
            else if (_options.EnableTimerSchedules && function.Trigger.Is("timerTrigger"))
            {
                _triggers.Add(TimerScheduler.Start(this, function));
            }
        }
    }

    private async Task StopTriggersAsync()
    {
        foreach (var trigger in _triggers) await trigger.DisposeAsync();
        _triggers.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopWorkerAsync();
        if (_frontDoor is not null) await _frontDoor.DisposeAsync();
        _eventGrid?.Dispose();
        if (_rpcServer is not null)
        {
            await _rpcServer.StopAsync();
            await _rpcServer.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
