namespace ServerlessEvents.Functions.Retention;

/// <summary>
/// Told what retention deleted (<see cref="RetentionMetricsObserver"/> counts it in the metrics). <c>kind</c> is
/// <c>events</c> or a participant's kind (e.g. <c>handlerFailures</c>). Reported after each batch.
/// </summary>
public interface IRetentionObserver
{
    /// <summary>Called after rows of one kind were deleted for a tenant.</summary>
    Task OnDeletedAsync(string tenant, string kind, int count, CancellationToken cancellationToken);
}
