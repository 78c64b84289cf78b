using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessEvents.Bench;

/// <summary>
/// The handler as its own process (<c>dotnet ServerlessEvents.Functions.dll</c>), configured the way the Functions
/// host configures it (FUNCTIONS_CUSTOMHANDLER_PORT and settings as environment variables), so its CPU time and
/// peak memory can be read from /proc without the load generator's share.
/// </summary>
public sealed class HandlerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HandlerProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The handler's own URL (what the host forwards to).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts the handler from its build output and waits until <c>GET /</c> answers.</summary>
    public static async Task<HandlerProcess> StartAsync(string scriptRoot, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = scriptRoot };
        start.ArgumentList.Add(Path.Combine(scriptRoot, "ServerlessEvents.Functions.dll"));
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        var handler = new HandlerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"), port);
        using var client = new HttpClient { BaseAddress = handler.BaseAddress };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (handler._process.HasExited)
            {
                throw new InvalidOperationException("The handler exited: " + handler.Output);
            }
            try
            {
                using var response = await client.GetAsync("/");
                return handler;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("The handler did not answer GET / within 30 s: " + handler.Output);
    }

    /// <summary>User + system CPU time the handler has used so far.</summary>
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

    /// <summary>What the handler wrote to stdout/stderr.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
