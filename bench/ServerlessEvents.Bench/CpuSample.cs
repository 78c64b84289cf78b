using System.Diagnostics;

namespace ServerlessEvents.Bench;

/// <summary>
/// CPU time over a measured window: the worker's (the app) and the bench process's own, which holds the host
/// double (front door, gRPC, proxy hop), the loopback Event Grid sink and the load generator.
/// </summary>
public sealed class CpuSample(BenchEnvironment environment)
{
    private TimeSpan _workerStart;
    private TimeSpan _workerEnd;
    private TimeSpan _benchStart;
    private TimeSpan _benchEnd;

    /// <summary>Marks the start of the window.</summary>
    public void Start()
    {
        _workerStart = environment.Handler.CpuTime;
        _benchStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>Marks the end of the window.</summary>
    public void End()
    {
        _workerEnd = environment.Handler.CpuTime;
        _benchEnd = Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>The result with CPU per event filled in.</summary>
    public LoadResult Apply(LoadResult result) => result.Events == 0 ? result : result with
    {
        HandlerCpuMicrosecondsPerEvent = (_workerEnd - _workerStart).TotalMicroseconds / result.Events,
        BenchCpuMicrosecondsPerEvent = (_benchEnd - _benchStart).TotalMicroseconds / result.Events,
    };
}
