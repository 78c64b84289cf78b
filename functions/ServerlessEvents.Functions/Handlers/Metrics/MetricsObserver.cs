using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Subscribers;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>
/// Feeds the counters from the other features' hooks: ingestion results, subscriber invocations and publishing.
/// Counting is best effort here: a metrics outage is logged and never fails the work being counted.
/// </summary>
public sealed partial class MetricsObserver(MetricsRecorder recorder, ILogger<MetricsObserver> logger)
    : IIngestionObserver, ISubscriberObserver, IPublishObserver
{
    /// <inheritdoc />
    public Task OnIngestedAsync(string tenant, IReadOnlyList<IngestResult> results, CancellationToken cancellationToken) =>
        QuietlyAsync("ingestion", () => recorder.RecordIngestionAsync(tenant, results, cancellationToken));

    /// <inheritdoc />
    public Task OnInvocationAsync(string handler, string? tenant, string outcome, CancellationToken cancellationToken) =>
        QuietlyAsync("invocation", () => recorder.RecordInvocationAsync(handler, tenant, outcome, cancellationToken));

    /// <inheritdoc />
    public Task OnPublishedAsync(IReadOnlyList<StoredEvent> events, DateTimeOffset publishedAt, CancellationToken cancellationToken) =>
        QuietlyAsync("publish lag", () => recorder.RecordPublishedAsync(events, publishedAt, cancellationToken));

    private async Task QuietlyAsync(string what, Func<Task> record)
    {
        try
        {
            await record();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotCounted(logger, exception, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics could not count a {What}; the counted work is unaffected")]
    private static partial void LogNotCounted(ILogger logger, Exception exception, string what);
}
