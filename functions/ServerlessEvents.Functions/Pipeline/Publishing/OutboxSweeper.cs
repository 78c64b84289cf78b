using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>
/// The <c>outboxSweeper</c> timer function: publishes every event still unpublished after
/// <see cref="OutboxOptions.MinAgeSeconds"/>, so a crash between store and publish loses nothing.
/// </summary>
public partial class OutboxSweeper(
    TenantKeyStore tenants, OutboxStore outbox, OutboxProcessor processor, TimeProvider clock,
    IOptions<OutboxOptions> options, IOptions<EventLogOptions> eventLog, ILogger<OutboxSweeper> logger)
{
    /// <summary>Sweeps every tenant's partitions; returns how many events were published.</summary>
    public virtual async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var deadline = clock.GetUtcNow().AddSeconds(settings.MaxRunSeconds);
        var cutoff = clock.GetUtcNow().AddSeconds(-settings.MinAgeSeconds);
        var published = 0;
        await foreach (var tenant in tenants.ListTenantsAsync(cancellationToken))
        {
            for (var shard = 0; shard < eventLog.Value.ShardCount; shard++)
            {
                while (clock.GetUtcNow() < deadline)
                {
                    var pending = await outbox.ListPendingAsync(EventKeys.Partition(tenant, shard), cutoff, settings.BatchSize, cancellationToken);
                    if (pending.Count == 0)
                    {
                        break;
                    }
                    if (!await processor.CompleteAsync(pending, cancellationToken))
                    {
                        throw new DependencyUnavailableException($"The broker refused events; {published} were published in this sweep, the rest wait for the next.");
                    }
                    published += pending.Count;
                }
            }
        }
        LogSwept(logger, published);
        return published;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox sweep published {Count} events")]
    private static partial void LogSwept(ILogger logger, int count);
}
