using ServerlessEvents.Functions.Metrics;

namespace ServerlessEvents.Functions.Retention;

/// <summary>Counts retention's deletions in <c>serverlessevents_retention_deleted_total</c>; a metrics outage never stops retention.</summary>
public sealed partial class RetentionMetricsObserver(MetricsRecorder recorder, ILogger<RetentionMetricsObserver> logger) : IRetentionObserver
{
    /// <inheritdoc />
    public async Task OnDeletedAsync(string tenant, string kind, int count, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.RecordRetentionDeletedAsync(tenant, kind, count, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogNotCounted(logger, exception, count, kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics could not count {Count} {Kind} deleted by retention")]
    private static partial void LogNotCounted(ILogger logger, Exception exception, int count, string kind);
}
