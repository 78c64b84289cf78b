using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Emulators.EventGrid;
using ServerlessEvents.Emulators.SignalR;
using ServerlessEvents.Emulators.Smtp;
using ServerlessEvents.Emulators.Topology;
using ServerlessEvents.FunctionsHost;

namespace ServerlessEvents.DevHost;

/// <summary>
/// One local run: checks the prerequisites and ports, starts Azurite, the SMTP sink, the SignalR Service and the
/// Event Grid topic, then the Functions host with the worker (or, in <c>emulators</c> mode, leaves the host to
/// <c>func start</c>), prints the URLs, and stops everything it started when asked to stop.
/// </summary>
internal sealed class DevHostRunner(DevHostOptions options, string root, ILoggerFactory loggers)
{
    private const string SampleAdminKey = "local-admin-key-change-me-0123456789";

    private readonly ILogger _logger = loggers.CreateLogger("DevHost");
    private readonly List<IAsyncDisposable> _started = [];

    /// <summary>Runs until <paramref name="stopping"/> is cancelled; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        if (Prerequisites() is { } missing)
        {
            Console.Error.WriteLine("run-local: " + missing);
            return 2;
        }
        foreach (var (port, user) in options.Ports())
        {
            if (await AzuriteProcess.AcceptsAsync(port, stopping))
            {
                Console.Error.WriteLine($"run-local: port {port} (for {user}) is already in use. Stop what holds it, or choose another port with DevHost__... (see \"Run it locally\" in README.md).");
                return 3;
            }
        }
        try
        {
            await StartAsync(stopping);
            await Task.Delay(Timeout.Infinite, stopping);
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine("run-local: " + exception.Message);
            return 1;
        }
        finally
        {
            await StopAsync();
        }
    }

    private string? Prerequisites()
    {
        if (options.Problem() is { } problem)
        {
            return problem;
        }
        if (options.StartAzurite && AzuriteProcess.Script(root) is null)
        {
            return "Azurite is not installed. Run scripts/setup.sh (or npm ci) in the repository first; it needs Node.js 20+.";
        }
        if (options.StartAzurite && FindOnPath("node") is null)
        {
            return "Node.js is not on PATH; Azurite needs it (Node.js 20+).";
        }
        if (options.Mode == "host" && !File.Exists(Path.Combine(AppDirectory, "worker.config.json")))
        {
            return $"The worker app is not built at {AppDirectory}. Run: dotnet build tools/ServerlessEvents.DevHost";
        }
        return null;
    }

    private string AppDirectory => Path.GetFullPath(Path.Combine(root, options.AppDirectory));

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = AzuriteProcess.ConnectionString(options);
        if (options.StartAzurite)
        {
            _started.Add(await AzuriteProcess.StartAsync(FindOnPath("node")!, AzuriteProcess.Script(root)!, Path.GetFullPath(Path.Combine(root, options.AzuriteLocation)), options, cancellationToken));
        }

        var smtp = LocalSmtpServer.Start(options.SmtpPort);
        _started.Add(smtp);
        smtp.Tls = SmtpServerTls.StartTls;
        var smtpLog = loggers.CreateLogger("Smtp");
        smtp.Captured = m => smtpLog.LogInformation("SMTP: captured mail from {From} to {Recipients}: {Subject}", m.From, string.Join(", ", m.Recipients), m.Mime.Subject);
        _started.Add(await StartMailPageAsync(smtp, cancellationToken));

        var signalR = await LocalSignalRService.StartAsync(port: options.SignalRPort);
        _started.Add(signalR);
        var signalRLog = loggers.CreateLogger("SignalR");
        signalR.Accepted = r => signalRLog.LogInformation("SignalR: {Operation} {Target} (hub {Hub}{Group}{User})", r.Operation, r.Target ?? "", r.Hub,
            r.Group is null ? "" : ", group " + r.Group, r.User is null ? "" : ", user " + r.User);

        FunctionsHost.FunctionsHost? host = null;
        var funcUrl = new Uri(options.FuncUrl.TrimEnd('/') + "/");
        var topic = await LocalEventGridTopic.StartAsync(new LocalEventGridTopicOptions
        {
            Port = options.EventGridPort,
            Topology = TopologyReader.LoadFile(Path.Combine(AppContext.BaseDirectory, TopologyReader.FileName)),
            FunctionsHost = () => host?.BaseAddress ?? funcUrl,
            RetryDelays = options.RetryDelays()!,
            DeadLetterStorage = storage,
        }, loggers.CreateLogger("EventGrid"), cancellationToken);
        _started.Add(topic);

        var settings = AppSettings(storage, topic, signalR, smtp);
        if (options.Mode == "host")
        {
            var hostOptions = new FunctionsHostOptions { AppDirectory = AppDirectory, HttpPort = options.ApiPort };
            foreach (var (key, value) in settings)
            {
                hostOptions.AppSettings[key] = value;
            }
            host = await FunctionsHost.FunctionsHost.StartAsync(hostOptions, loggers, cancellationToken);
            _started.Add(host);
            host.InvocationCompleted += PrintInvocation;
        }
        else
        {
            WriteFuncSettings(settings);
        }
        PrintWelcome(topic, signalR, settings);
    }

    private Dictionary<string, string?> AppSettings(string storage, LocalEventGridTopic topic, LocalSignalRService signalR, LocalSmtpServer smtp)
    {
        var file = Path.Combine(root, options.SettingsFile);
        if (!File.Exists(file))
        {
            file = Path.Combine(root, "local.settings.sample.json");
        }
        var settings = LocalSettings.Read(file);
        // The app is pointed at the emulators; DevHost:AppSettings wins over both.
        settings["AzureWebJobsStorage"] = storage;
        settings["EventGrid__TopicEndpoint"] = topic.Endpoint;
        settings["EventGrid__TopicKey"] = topic.Key;
        settings["AzureSignalRConnectionString"] = signalR.ConnectionString;
        settings["Email__SmtpHost"] = "127.0.0.1";
        settings["Email__SmtpPort"] = options.SmtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Email__SmtpTls"] = "StartTls";
        settings["Email__PinnedCertificateSha256"] = Convert.ToHexString(SHA256.HashData(smtp.Certificate.RawData));
        if (string.IsNullOrWhiteSpace(settings.GetValueOrDefault("Email__ProcurementRecipients")))
        {
            settings["Email__ProcurementRecipients"] = "procurement@example.com";
        }
        settings.TryAdd("DOTNET_ENVIRONMENT", "Development");
        foreach (var (key, value) in options.AppSettingOverrides)
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return settings;
    }

    private void WriteFuncSettings(Dictionary<string, string?> settings)
    {
        // func start reads local.settings.json from its script root: write the emulator settings there.
        var target = Path.Combine(AppDirectory, "local.settings.json");
        Directory.CreateDirectory(AppDirectory);
        var values = new JsonObject();
        foreach (var (key, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            values[key] = value;
        }
        values["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        File.WriteAllText(target, new JsonObject { ["IsEncrypted"] = false, ["Values"] = values }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        _logger.LogInformation("Wrote the emulator settings to {File} for func start", target);
    }

    private async Task<IAsyncDisposable> StartMailPageAsync(LocalSmtpServer smtp, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.MailPort));
        var app = builder.Build();
        app.MapGet("/", () => Results.Json(new JsonArray(smtp.Messages.Select((m, i) => (JsonNode)new JsonObject
        {
            ["index"] = i,
            ["from"] = m.From,
            ["to"] = new JsonArray(m.Recipients.Select(r => (JsonNode)r).ToArray()),
            ["subject"] = m.Mime.Subject,
            ["tls"] = m.TlsProtocol?.ToString(),
            ["raw"] = $"/messages/{i}",
        }).ToArray())));
        app.MapGet("/messages/{index:int}", (int index) => index >= 0 && index < smtp.Messages.Count
            ? Results.Text(smtp.Messages[index].Raw, "message/rfc822")
            : Results.NotFound());
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static void PrintInvocation(InvocationResult invocation)
    {
        var outcome = invocation.Succeeded ? "Succeeded" : "Failed";
        var line = $"[{invocation.StartedAt.Add(invocation.Duration).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}] Executed 'Functions.{invocation.Function}' ({outcome}, Id={invocation.InvocationId}, Duration={(int)invocation.Duration.TotalMilliseconds}ms)";
        if (!invocation.Succeeded && invocation.ExceptionType is not null)
        {
            line += $" {invocation.ExceptionType}";
        }
        Console.WriteLine(line);
    }

    private void PrintWelcome(LocalEventGridTopic topic, LocalSignalRService signalR, Dictionary<string, string?> settings)
    {
        var api = options.Mode == "host" ? $"http://localhost:{options.ApiPort}" : options.FuncUrl.TrimEnd('/');
        // Only the sample's published development key is echoed; a key of your own stays out of the console.
        var admin = settings.GetValueOrDefault("Auth__AdminKey") == SampleAdminKey ? SampleAdminKey : "<your Auth__AdminKey>";
        Console.WriteLine();
        Console.WriteLine(options.Mode == "host" ? "ServerlessEvents is running locally." : "The emulators are running; start func now (func start --script-root " + options.AppDirectory + ").");
        Console.WriteLine($"  API:           {api}/api/health");
        Console.WriteLine($"  Dashboard:     {api}/api/dashboard");
        Console.WriteLine($"  Captured mail: http://localhost:{options.MailPort}/");
        Console.WriteLine($"  Event Grid:    {topic.Endpoint} (dead letters: Azurite blob container {topic.DeadLetterContainer})");
        Console.WriteLine($"  SignalR:       {signalR.Endpoint}");
        Console.WriteLine($"  Storage:       Azurite on 127.0.0.1:{options.AzuriteBlobPort}-{options.AzuriteTablePort}");
        Console.WriteLine("First call (creates a tenant key):");
        Console.WriteLine($"  curl -s -X POST {api}/api/management/tenants/demo/keys -H 'Authorization: Bearer {admin}'");
        Console.WriteLine("Press Ctrl-C to stop.");
        Console.WriteLine();
    }

    private async Task StopAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                await _started[i].DisposeAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _logger.LogWarning(exception, "Stopping {Part} failed", _started[i].GetType().Name);
            }
        }
        _started.Clear();
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
