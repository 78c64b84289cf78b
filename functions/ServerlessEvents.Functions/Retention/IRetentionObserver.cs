namespace ServerlessEvents.Functions.Retention;

/// <summary>
/// Told what retention deleted (metrics implements it to count deletions). <paramref name="kind"/> is
/// <c>events</c>, <c>feed</c> or a participant's name (e.g. <c>handlerFailures</c>, <c>deliveries</c>).
/// </summary>
public interface IRetentionObserver
{
    /// <summary>Called after rows of one kind were deleted for a tenant.</summary>
    void OnDeleted(string tenant, string kind, int count);
}
