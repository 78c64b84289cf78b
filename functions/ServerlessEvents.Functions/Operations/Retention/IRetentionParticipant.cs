namespace ServerlessEvents.Functions.Retention;

/// <summary>
/// A feature's own data that retention must remove (deliveries, notifications, handler failures...). Register
/// implementations as <c>services.AddSingleton&lt;IRetentionParticipant, X&gt;()</c>; the sweeper calls each one per
/// tenant after the events. Implementations delete in batches, are idempotent and may stop early when the
/// token fires (the next run calls them again).
/// </summary>
public interface IRetentionParticipant
{
    /// <summary>The kind reported to <see cref="IRetentionObserver"/>, e.g. <c>deliveries</c>.</summary>
    string Kind { get; }

    /// <summary>Deletes the tenant's rows older than <paramref name="cutoff"/>; returns how many were deleted.</summary>
    Task<int> DeleteOlderThanAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken);
}
