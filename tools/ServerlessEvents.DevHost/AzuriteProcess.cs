using System.Diagnostics;
using System.Net.Sockets;

namespace ServerlessEvents.DevHost;

/// <summary>Azurite (blobs, queues, tables) as a child process, from the repository's pinned npm install.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process) => _process = process;

    /// <summary>The path of Azurite's entry script under <paramref name="root"/>, or null when it is not installed.</summary>
    public static string? Script(string root)
    {
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(script) ? script : null;
    }

    /// <summary>The connection string of an Azurite on these ports of 127.0.0.1 (the well-known development account).</summary>
    public static string ConnectionString(DevHostOptions o) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"BlobEndpoint=http://127.0.0.1:{o.AzuriteBlobPort}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{o.AzuriteQueuePort}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{o.AzuriteTablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite and waits until its three services accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(string node, string script, string location, DevHostOptions o, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo(node)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            script, "--silent", "--location", location, "--debug", Path.Combine(location, "debug.log"),
            "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", o.AzuriteBlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", o.AzuriteQueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", o.AzuriteTablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.WriteLine("azurite: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine("azurite: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in new[] { o.AzuriteBlobPort, o.AzuriteQueuePort, o.AzuriteTablePort })
        {
            while (!await AcceptsAsync(port, cancellationToken))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    await azurite.DisposeAsync();
                    throw new InvalidOperationException($"Azurite did not open port {port} (exit code {(process.HasExited ? process.ExitCode : "none yet")}); see {Path.Combine(location, "debug.log")}.");
                }
                await Task.Delay(100, cancellationToken);
            }
        }
        return azurite;
    }

    /// <summary>True when something accepts TCP connections on the port of 127.0.0.1.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
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
