using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Testing.Azurite;

namespace ServerlessEvents.FunctionsHost.Tests;

/// <summary>
/// Azurite plus one host double running the sample worker, shared by the tests of <see cref="SampleHostCollection"/>
/// (they run one after another). Queue names are unique per run; Event Grid retries are shortened to milliseconds.
/// </summary>
public sealed class SampleHostFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _log = new();

    public AzuriteFixture Azurite { get; } = new();

    public FunctionsHost Host { get; private set; } = null!;

    public string WorkQueue { get; private set; } = "";

    public string WorkDoneQueue { get; private set; } = "";

    /// <summary>Queues with the trigger's base64 encoding.</summary>
    public QueueServiceClient Queues { get; private set; } = null!;

    /// <summary>The host's and the worker's log so far (for failure messages).</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Azurite).InitializeAsync();
        WorkQueue = Azurite.UniqueName("work");
        WorkDoneQueue = Azurite.UniqueName("done");
        Queues = Azurite.QueueServiceClient;
        await Queues.GetQueueClient(WorkQueue).CreateIfNotExistsAsync();
        Host = await FunctionsHost.StartAsync(CreateOptions(SampleWorkerOutput.Directory), LoggerFactory.Create(b => b.AddProvider(new QueueLoggerProvider(_log)).SetMinimumLevel(LogLevel.Information)));
    }

    public FunctionsHostOptions CreateOptions(string appDirectory)
    {
        var options = new FunctionsHostOptions { AppDirectory = appDirectory };
        options.AppSettings["AzureWebJobsStorage"] = Azurite.ConnectionString;
        options.AppSettings["WorkQueue"] = WorkQueue;
        options.AppSettings["WorkDoneQueue"] = WorkDoneQueue;
        options.AppSettings["EverySecondSchedule"] = "*/1 * * * * *";
        options.EventGrid.RetryDelays = [TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(300)];
        options.EventGrid.MaxDeliveryAttempts = 3;
        return options;
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(sink, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            while (sink.Count > 2000) sink.TryDequeue(out _);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SampleHostCollection : ICollectionFixture<SampleHostFixture>
{
    public const string Name = "sample worker host";
}
