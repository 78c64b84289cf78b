using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Metadata;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Worker;

/// <summary>
/// One run of the worker process: launch, StartStream, WorkerInit, FunctionsMetadata (worker indexing), the
/// binding-type check, one FunctionLoad per function; then invocations until WorkerTerminate.
/// </summary>
internal sealed class WorkerSession
{
    private const string HostVersion = "4.1037.0";
    private readonly WorkerProcess _process;
    private readonly FunctionsHostOptions _options;
    private readonly ILogger _logger;

    private WorkerSession(WorkerProcess process, WorkerChannel channel, FunctionsHostOptions options, ILogger logger)
    {
        _process = process;
        Channel = channel;
        _options = options;
        _logger = logger;
    }

    public WorkerChannel Channel { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<WorkerFunction> Functions { get; private set; } = [];

    /// <summary>The worker's own Kestrel (capability HttpUri), or null when it has no ASP.NET Core integration.</summary>
    public Uri? HttpUri { get; private set; }

    public static async Task<WorkerSession> StartAsync(FunctionsHostOptions options, WorkerChannelRegistry registry, Uri rpcEndpoint,
        ExtensionsManifest extensions, Action<RpcLog> onLog, ILogger logger, CancellationToken cancellationToken)
    {
        var workerId = Guid.NewGuid().ToString();
        var channel = registry.Expect(workerId);
        channel.Log += onLog;
        var process = WorkerProcess.Start(options, rpcEndpoint, workerId, logger);
        var session = new WorkerSession(process, channel, options, logger);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.WorkerStartTimeout);
        try
        {
            await session.InitializeAsync(extensions, timeout.Token);
            HostLog.WorkerStarted(logger, workerId, process.Id, session.Functions.Count);
            return session;
        }
        catch
        {
            registry.Forget(workerId);
            channel.Close();
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    private async Task InitializeAsync(ExtensionsManifest extensions, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(Channel.Connected, exited) == exited)
        {
            await exited; // throws when the start timed out
            throw new InvalidOperationException($"The worker exited with code {_process.ExitCode} before it connected.");
        }
        await Channel.Connected;
        var directory = Path.GetFullPath(_options.AppDirectory);
        var remaining = _options.WorkerStartTimeout;

        var init = await Channel.RequestAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = directory, FunctionAppDirectory = directory },
        }, remaining, cancellationToken);
        EnsureSuccess(init.WorkerInitResponse?.Result, "WorkerInitRequest");
        if (init.WorkerInitResponse!.Capabilities.TryGetValue("HttpUri", out var httpUri))
        {
            HttpUri = new Uri(httpUri);
        }

        var metadata = await Channel.RequestAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = directory },
        }, remaining, cancellationToken);
        var response = metadata.FunctionMetadataResponse ?? throw new InvalidOperationException("The worker did not answer FunctionsMetadataRequest.");
        EnsureSuccess(response.Result, "FunctionsMetadataRequest");
        if (response.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asks for host indexing (function.json files); only worker indexing is supported.");
        }
        Functions = response.FunctionMetadataResults.Select(m => new WorkerFunction(m)).ToArray();
        extensions.EnsureSupported(Functions);

        foreach (var function in Functions)
        {
            var load = await Channel.RequestAsync(new StreamingMessage
            {
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.Id, Metadata = function.Metadata },
            }, remaining, cancellationToken);
            EnsureSuccess(load.FunctionLoadResponse?.Result, $"FunctionLoadRequest for '{function.Name}'");
        }
    }

    /// <summary>WorkerTerminate, then a kill if the process has not exited within the grace period; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        try
        {
            Channel.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(_options.WorkerShutdownGracePeriod) } });
            await _process.StopAsync(_options.WorkerShutdownGracePeriod + TimeSpan.FromSeconds(1));
        }
        catch (WorkerUnavailableException)
        {
            _process.Kill();
        }
        Channel.Close();
        var exitCode = _process.HasExited ? _process.ExitCode : -1;
        HostLog.WorkerStopped(_logger, Channel.WorkerId, _process.Id, exitCode);
        _process.Dispose();
        return exitCode;
    }

    /// <summary>Kills the process at once, like a crash; returns the exit code.</summary>
    public int Kill()
    {
        _process.Kill();
        Channel.Close();
        var exitCode = _process.ExitCode;
        _process.Dispose();
        return exitCode;
    }

    private static void EnsureSuccess(StatusResult? result, string step)
    {
        if (result is null)
        {
            throw new InvalidOperationException($"The worker sent no result for {step}.");
        }
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{step} failed in the worker: {result.Exception?.Type} {result.Exception?.Message} {result.Result}".Trim());
        }
    }
}
