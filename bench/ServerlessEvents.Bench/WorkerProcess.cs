using System.Diagnostics;
using ServerlessEvents.FunctionsHost;

namespace ServerlessEvents.Bench;

/// <summary>
/// The isolated worker app as the Functions host runs it: the gRPC host double starts <c>dotnet
/// ServerlessEvents.FunctionApp.dll</c> with the settings as app settings, and clients call the double's front door,
/// which proxies each request to the worker's Kestrel as the real host does. CPU time and peak memory are the worker
/// process's own, read from /proc without the host double's or the load generator's share.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerProcess(FunctionsHost.FunctionsHost host)
    {
        Host = host;
        _process = Process.GetProcessById(host.WorkerProcessId ?? throw new InvalidOperationException("The worker is not running."));
    }

    /// <summary>The host double.</summary>
    public FunctionsHost.FunctionsHost Host { get; }

    /// <summary>The front door's URL (what callers of the Functions host use).</summary>
    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>Starts the worker from its build output.</summary>
    public static async Task<WorkerProcess> StartAsync(string appDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var options = new FunctionsHostOptions { AppDirectory = appDirectory, EnableTimerSchedules = false };
        options.AppSettings["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
        {
            options.AppSettings[name] = value;
        }
        return new WorkerProcess(await FunctionsHost.FunctionsHost.StartAsync(options));
    }

    /// <summary>User + system CPU time the worker has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Peak resident set size (VmHWM) in bytes, from /proc/&lt;pid&gt;/status.</summary>
    public long PeakResidentBytes => ProcStatus.ReadKilobytes(_process.Id, "VmHWM") * 1024;

    /// <summary>Current resident set size (VmRSS) in bytes.</summary>
    public long ResidentBytes => ProcStatus.ReadKilobytes(_process.Id, "VmRSS") * 1024;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _process.Dispose();
    }
}
