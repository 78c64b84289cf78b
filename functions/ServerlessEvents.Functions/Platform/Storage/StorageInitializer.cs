using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// Creates every table and queue the handler uses. Start-up never blocks on storage: when it is unreachable
/// the initializer keeps trying in the background, and requests wait for it (StorageReadiness) or fail with 503.
/// </summary>
public sealed partial class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, ILogger<StorageInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every table and queue exists.</summary>
    public Task Ready => _ready.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureCreatedAsync(stoppingToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogNotReady(logger, exception, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    /// <summary>Creates the tables and queues that are missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(TableNames.All.Select(name => tables.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(QueueNames.All.Select(name => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not ready; creating tables and queues again in {DelaySeconds} s")]
    private static partial void LogNotReady(ILogger logger, Exception exception, double delaySeconds);
}
