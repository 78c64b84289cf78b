using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.IntegrationTests.LocalDevelopment;

/// <summary>
/// <c>scripts/run-local.sh</c> itself, started in its own session (<c>setsid</c>) so its whole process tree shares one
/// process group, on free ports (DevHost__* settings), with its output captured line by line.
/// </summary>
internal sealed class RunLocalScript : IAsyncDisposable
{
    public const string AdminKey = "run-local-test-admin-key-0123456789";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private RunLocalScript(Process process, Ports ports)
    {
        _process = process;
        Port = ports;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The ports of one run.</summary>
    public sealed record Ports(int Api, int EventGrid, int SignalR, int Mail, int Smtp, int Blob, int Queue, int Table, string AzuriteLocation)
    {
        public static Ports Free() => new(FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next(),
            FreePort.Next(), FreePort.Next(), FreePort.Next(), Path.Combine(Path.GetTempPath(), "run-local-" + Guid.NewGuid().ToString("N")));
    }

    public Ports Port { get; }

    public int ProcessId => _process.Id;

    public string Api => $"http://localhost:{Port.Api}";

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string Output => string.Join('\n', Lines);

    public static RunLocalScript Start(Ports ports, IDictionary<string, string>? appSettings = null, string retryDelays = "0.2")
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = RepositoryPaths.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "run-local.sh"));
        var settings = new Dictionary<string, string>
        {
            ["ApiPort"] = ports.Api.ToString(CultureInfo.InvariantCulture),
            ["EventGridPort"] = ports.EventGrid.ToString(CultureInfo.InvariantCulture),
            ["SignalRPort"] = ports.SignalR.ToString(CultureInfo.InvariantCulture),
            ["MailPort"] = ports.Mail.ToString(CultureInfo.InvariantCulture),
            ["SmtpPort"] = ports.Smtp.ToString(CultureInfo.InvariantCulture),
            ["AzuriteBlobPort"] = ports.Blob.ToString(CultureInfo.InvariantCulture),
            ["AzuriteQueuePort"] = ports.Queue.ToString(CultureInfo.InvariantCulture),
            ["AzuriteTablePort"] = ports.Table.ToString(CultureInfo.InvariantCulture),
            ["AzuriteLocation"] = ports.AzuriteLocation,
            ["EventGridRetryDelays"] = retryDelays,
            ["AppSettings__Auth__AdminKey"] = AdminKey,
            ["AppSettings__IngestQuota__Enabled"] = "false",
        };
        foreach (var (key, value) in appSettings ?? new Dictionary<string, string>())
        {
            settings["AppSettings__" + key] = value;
        }
        foreach (var (key, value) in settings)
        {
            start.Environment["DevHost__" + key] = value;
        }
        return new RunLocalScript(Process.Start(start)!, ports);
    }

    /// <summary>Waits until <c>GET /api/health</c> answers 200 (the script builds first).</summary>
    public async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "run-local.sh exited early:\n" + Output);
            try
            {
                using var response = await client.GetAsync(Api + "/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        Assert.Fail("run-local.sh never answered /api/health:\n" + Output);
    }

    /// <summary>Creates a tenant key with the administrator key and returns a client for it.</summary>
    public async Task<TenantClient> CreateTenantAsync(string tenant)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/api/management/tenants/{tenant}/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new TenantClient(tenant, created["keyId"]!.GetValue<string>(), created["key"]!.GetValue<string>(), Api);
    }

    /// <summary>Waits until an output line contains every one of <paramref name="parts"/>; returns it.</summary>
    public async Task<string> WaitForLineAsync(TimeSpan timeout, params string[] parts)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Lines.FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal))) is { } line)
            {
                return line;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"No output line with {string.Join(" + ", parts)}:\n{Output}");
        return "";
    }

    /// <summary>Sends SIGTERM to the script (the dev host, after exec) and waits for it to exit.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The processes still in the script's process group (its session, from <c>setsid</c>), read from /proc.</summary>
    public IReadOnlyList<string> ProcessesLeft()
    {
        var left = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After the command: state, ppid, pgrp, session.
                var state = fields[0];
                var group = int.Parse(fields[2], CultureInfo.InvariantCulture);
                var session = int.Parse(fields[3], CultureInfo.InvariantCulture);
                if ((group == ProcessId || session == ProcessId) && state != "Z")
                {
                    left.Add($"{pid}: {File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ')}");
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
            }
        }
        return left;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-KILL", "--", "-" + ProcessId.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Port.AzuriteLocation, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
