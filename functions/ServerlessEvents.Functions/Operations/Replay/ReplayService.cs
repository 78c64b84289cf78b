using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// Starts replays. Ids are resolved in the request (at most <c>MaxIds</c>), so their count is exact. A filter is
/// counted in the request up to <c>CountInRequestLimit</c> events; a larger selection answers <c>count: null</c>
/// and the job counts it in chunks before re-publishing. Either way the work runs in <c>replay-jobs</c> chunks.
/// </summary>
public class ReplayService(ReplayStore store, ReplaySource source, EventLookup lookup, QueueServiceClient queues, TimeProvider clock, IOptions<ReplayOptions> options)
{
    private readonly QueueClient _queue = queues.GetQueueClient(QueueNames.ReplayJobs);

    /// <summary>Stores the replay and enqueues its first chunk.</summary>
    public virtual async Task<ReplayRecord> StartAsync(string tenant, IReadOnlyList<string>? ids, ReplayFilter? filter, ReplayTarget target, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var replayId = "rp-" + Guid.CreateVersion7(now).ToString("N");
        IReadOnlyList<string>? locations = null;
        long? total;
        ReplayJobMessage? first;
        if (ids is not null)
        {
            var found = await Task.WhenAll(ids.Select(id => lookup.FindByIdAsync(tenant, id, cancellationToken)));
            locations = found.SelectMany(f => f).Select(e => e.Partition + " " + e.RowKey).Distinct(StringComparer.Ordinal).ToArray();
            total = locations.Count;
            first = new ReplayJobMessage(replayId, tenant, ReplayJobMessage.ReplayPhase, 0, null, 0);
        }
        else
        {
            // Pin the end of the selection: events arriving during the replay are not part of it.
            filter = filter! with { To = filter.To is { } to && to < now ? to : now };
            var (counted, next) = await source.CountAsync(tenant, filter, null, options.Value.CountInRequestLimit, cancellationToken);
            total = next is null ? counted : null;
            first = next is null
                ? new ReplayJobMessage(replayId, tenant, ReplayJobMessage.ReplayPhase, 0, null, 0)
                : new ReplayJobMessage(replayId, tenant, ReplayJobMessage.CountPhase, 0, next, counted);
        }
        var empty = total == 0;
        var replay = new ReplayRecord(tenant, replayId, empty ? ReplayRecord.Completed : ReplayRecord.Pending, total, 0, target, now,
            empty ? now : null, filter, locations, null);
        await store.CreateAsync(replay, cancellationToken);
        if (!empty)
        {
            await EnqueueAsync(first, cancellationToken);
        }
        return replay;
    }

    /// <summary>Sends one chunk message.</summary>
    public virtual Task EnqueueAsync(ReplayJobMessage message, CancellationToken cancellationToken = default) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken: cancellationToken);
}
