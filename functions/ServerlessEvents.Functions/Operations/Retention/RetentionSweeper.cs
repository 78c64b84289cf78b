using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Retention;

/// <summary>
/// The <c>retentionSweeper</c> timer function: for every tenant, deletes events ingested more than its period ago
/// (with their index, id and feed rows) and asks every <see cref="IRetentionParticipant"/> to delete its own
/// old rows. Runs at most <c>MaxRunSeconds</c>; checkpoints make the next run resume.
/// </summary>
public partial class RetentionSweeper(
    TenantKeyStore tenants, RetentionStore store, EventRetention events, IEnumerable<IRetentionParticipant> participants,
    IEnumerable<IRetentionObserver> observers, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionSweeper> logger)
{
    /// <summary>Sweeps every tenant; returns the number of events deleted. Stops quietly at the deadline.</summary>
    public virtual async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.MaxRunSeconds));
        var deleted = 0;
        try
        {
            await foreach (var tenant in tenants.ListTenantsAsync(deadline.Token))
            {
                deleted += await SweepTenantAsync(tenant, clock.GetUtcNow(), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeadline(logger, deleted);
        }
        return deleted;
    }

    /// <summary>Applies one tenant's period as of <paramref name="now"/>; returns the number of events deleted.</summary>
    public virtual async Task<int> SweepTenantAsync(string tenant, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var days = await store.GetDaysAsync(tenant, cancellationToken) ?? options.Value.DefaultDays;
        var cutoff = now.AddDays(-days);
        var (deleted, kept) = await events.RunAsync(tenant, cutoff, cancellationToken);
        foreach (var participant in participants)
        {
            var count = await participant.DeleteOlderThanAsync(tenant, cutoff, cancellationToken);
            foreach (var observer in observers)
            {
                await observer.OnDeletedAsync(tenant, participant.Kind, count, cancellationToken);
            }
        }
        LogTenantSwept(logger, tenant, deleted, kept, days);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention for tenant {Tenant}: {Deleted} events deleted, {Kept} unpublished kept (period {Days} days)")]
    private static partial void LogTenantSwept(ILogger logger, string tenant, int deleted, int kept, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention stopped at its deadline after {Deleted} events; the next run resumes from the checkpoints")]
    private static partial void LogDeadline(ILogger logger, int deleted);
}
