using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessEvents.Testing.Azurite;

/// <summary>One Azurite service process (table or queue) on a fixed loopback port.</summary>
internal sealed class AzuriteService(string repositoryRoot, string service, int port)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port => port;

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(string? location, CancellationToken cancellationToken = default)
    {
        var entry = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", service, "main.js");
        if (!File.Exists(entry))
        {
            throw new InvalidOperationException($"Azurite is not installed ({entry} is missing). Run scripts/setup.sh at the repository root.");
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { entry, $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--disableTelemetry" })
        {
            start.ArgumentList.Add(arg);
        }
        // Azure.Storage.Queues 12.28.1 sends x-ms-version 2026-10-06; Azurite 3.37.0 (the newest on npm) knows versions up
        // to 2026-06-06 and refuses newer ones unless told not to check. The app uses nothing newer than Azurite serves.
        // Azure.Data.Tables sends 2019-02-02, which every Azurite accepts.
        if (service == "queue") start.ArgumentList.Add("--skipApiVersionCheck");
        if (location is null) start.ArgumentList.Add("--inMemoryPersistence");
        else { start.ArgumentList.Add("--location"); start.ArgumentList.Add(location); }

        lock (_output) _output.Clear();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilListeningAsync(process, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Graceful: SIGINT (the only signal azurite-table handles), so a disk-persisted Azurite flushes its data (it autosaves only every few
    /// seconds), then a hard kill after 10 s. Not graceful: kill the process tree at once (a crash).
    /// </summary>
    public async Task StopAsync(bool graceful = true)
    {
        var process = _process;
        _process = null;
        if (process is null) return;
        using (process)
        {
            if (process.HasExited) return;
            if (graceful && PosixSignal.TryInterrupt(process.Id))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException)
                {
                    // Did not exit in time: fall through to the hard kill.
                }
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private async Task WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite {service} exited with code {process.ExitCode}: {Output()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        await StopAsync().ConfigureAwait(false);
        throw new TimeoutException($"Azurite {service} did not listen on port {port} within {StartTimeout.TotalSeconds} s: {Output()}");
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }
}
