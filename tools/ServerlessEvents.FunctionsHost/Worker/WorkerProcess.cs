using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.FunctionsHost.Worker;

/// <summary>Launches the worker from its build output as the host does (worker.config.json, --functions-* arguments).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static WorkerProcess Start(FunctionsHostOptions options, Uri rpcEndpoint, string workerId, ILogger logger)
    {
        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(appDirectory, "worker.config.json")))?["description"]
                     ?? throw new InvalidOperationException("worker.config.json has no description.");
        var executable = options.ExecutablePath ?? config["defaultExecutablePath"]?.GetValue<string>() ?? "dotnet";
        var workerPath = config["defaultWorkerPath"]?.GetValue<string>()
                         ?? throw new InvalidOperationException("worker.config.json has no defaultWorkerPath.");
        var requestId = Guid.NewGuid().ToString();
        var port = rpcEndpoint.Port.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = appDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            Path.Combine(appDirectory, workerPath),
            "--host", rpcEndpoint.Host, "--port", port, "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", rpcEndpoint.ToString(), "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", "2147483647",
        ];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in options.AppSettings)
        {
            start.Environment[name] = value;
        }
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_RUNTIME_VERSION"] = Environment.Version.ToString(2);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) HostLog.WorkerOutput(logger, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) HostLog.WorkerOutput(logger, e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>Waits for the process to exit; kills it (and its children) when it has not within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose() => _process.Dispose();
}
