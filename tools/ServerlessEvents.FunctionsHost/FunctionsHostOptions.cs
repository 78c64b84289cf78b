using ServerlessEvents.FunctionsHost.EventGrid;

namespace ServerlessEvents.FunctionsHost;

/// <summary>Options of a <see cref="FunctionsHost"/>. Validated by <see cref="Validate"/> at start.</summary>
public sealed class FunctionsHostOptions
{
    /// <summary>The worker's build or publish output (functions.metadata, worker.config.json, host.json). Required.</summary>
    public string AppDirectory { get; set; } = "";

    /// <summary>
    /// App settings: passed to the worker as environment variables and used to resolve <c>%name%</c> expressions in
    /// binding properties. <c>AzureWebJobsStorage</c> (a connection string) is the storage queue triggers poll.
    /// </summary>
    public IDictionary<string, string?> AppSettings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The executable that runs the worker; default <c>worker.config.json</c>'s defaultExecutablePath (normally <c>dotnet</c>).</summary>
    public string? ExecutablePath { get; set; }

    /// <summary>The front door's port on 127.0.0.1; default 0 (a free port).</summary>
    public int HttpPort { get; set; }

    /// <summary>How long the worker may take from launch to its last function load; default 60 s.</summary>
    public TimeSpan WorkerStartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an invocation may run before it is cancelled and counted as failed; default 5 min (the Consumption default).</summary>
    public TimeSpan FunctionTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the worker may take to exit after WorkerTerminate before it is killed; default 10 s.</summary>
    public TimeSpan WorkerShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The Storage Queues REST version the queue clients speak; default null (the SDK's latest). Set an older one for
    /// an emulator that lags the service (Azurite 3.35 accepts up to 2025-11-05).
    /// </summary>
    public Azure.Storage.Queues.QueueClientOptions.ServiceVersion? QueueServiceVersion { get; set; }

    /// <summary>Poll queue triggers in the background while the worker runs; default true.</summary>
    public bool EnableQueueTriggers { get; set; } = true;

    /// <summary>Run timer triggers on their schedules while the worker runs; default true.</summary>
    public bool EnableTimerSchedules { get; set; } = true;

    /// <summary>Event Grid's delivery behaviour for <see cref="FunctionsHost.PublishEventGridAsync"/>.</summary>
    public EventGridDeliveryOptions EventGrid { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(AppDirectory) || !File.Exists(Path.Combine(AppDirectory, "worker.config.json")))
        {
            throw new ArgumentException($"AppDirectory '{AppDirectory}' is not a worker build output (no worker.config.json).", nameof(AppDirectory));
        }
        if (HttpPort is < 0 or > 65535) throw new ArgumentException("HttpPort must be 0–65535.", nameof(HttpPort));
        if (WorkerStartTimeout <= TimeSpan.Zero) throw new ArgumentException("WorkerStartTimeout must be positive.", nameof(WorkerStartTimeout));
        if (FunctionTimeout <= TimeSpan.Zero) throw new ArgumentException("FunctionTimeout must be positive.", nameof(FunctionTimeout));
        if (WorkerShutdownGracePeriod < TimeSpan.Zero) throw new ArgumentException("WorkerShutdownGracePeriod must not be negative.", nameof(WorkerShutdownGracePeriod));
        EventGrid.Validate();
    }
}
