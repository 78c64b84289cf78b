using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>
/// Group completion: the post-commit work (index, publish, mark published) of concurrent requests is merged into
/// one <see cref="OutboxProcessor.CompleteAsync"/> call, so N events in flight share one publish request and one
/// storage transaction per partition instead of N of each. An idle batcher takes a request's events at once, so a
/// lone request waits no longer than before. The queue is bounded: when it is full, requests wait (backpressure).
/// Events are committed with their outbox markers before they get here, so anything it never finishes (a crash,
/// a failure, shutdown) is finished by the outbox sweeper.
/// </summary>
public sealed partial class CompletionBatcher : BackgroundService
{
    /// <summary>Most events merged into one completion.</summary>
    public const int MaxEventsPerCompletion = 1_000;

    private readonly Channel<PendingCompletion> _queue;
    private readonly OutboxProcessor _processor;
    private readonly OutboxOptions _options;
    private readonly ILogger<CompletionBatcher> _logger;

    /// <summary>Creates the batcher.</summary>
    public CompletionBatcher(OutboxProcessor processor, IOptions<OutboxOptions> options, ILogger<CompletionBatcher> logger)
    {
        _processor = processor;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingCompletion>(new BoundedChannelOptions(_options.CompletionQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleWriter = false, SingleReader = _options.CompletionWorkers == 1,
        });
    }

    /// <summary>
    /// Queues stored events for completion. With <paramref name="wait"/>, returns when their completion has run
    /// (false when publishing failed); otherwise as soon as they are queued.
    /// </summary>
    public async Task<bool> CompleteAsync(IReadOnlyList<StoredEvent> events, bool wait, CancellationToken cancellationToken = default)
    {
        var pending = new PendingCompletion(events);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return !wait || await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.CompletionWorkers).Select(_ => Task.Run(RunAsync, CancellationToken.None)));

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking work and drain what is queued; the host's shutdown timeout bounds the wait.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            var batch = new List<PendingCompletion>();
            var count = 0;
            while (count < MaxEventsPerCompletion && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                count += pending.Events.Count;
            }
            if (batch.Count > 0)
            {
                await CompleteBatchAsync(batch, count);
            }
        }
    }

    private async Task CompleteBatchAsync(List<PendingCompletion> batch, int count)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.CompletionTimeoutSeconds));
            var events = new List<StoredEvent>(count);
            batch.ForEach(p => events.AddRange(p.Events));
            var published = await _processor.CompleteAsync(events, timeout.Token);
            batch.ForEach(p => p.Done.TrySetResult(published));
        }
        catch (Exception exception)
        {
            LogCompletionFailed(_logger, exception, count);
            batch.ForEach(p => p.Done.TrySetException(exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing {Count} stored events failed; the outbox sweeper will finish them")]
    private static partial void LogCompletionFailed(ILogger logger, Exception exception, int count);
}
