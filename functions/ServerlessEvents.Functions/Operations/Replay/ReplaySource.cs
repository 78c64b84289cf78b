using System.Globalization;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.History;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// Reads the events of one chunk of a replay: a page of the history index after a row key (filtered replays),
/// or a slice of the replay's resolved id list (replays by id). Returns the events' stored JSON and the cursor
/// of the next chunk, or null after the last.
/// </summary>
public class ReplaySource(EventQueryService queries, EventStore store)
{
    /// <summary>Reads up to <paramref name="size"/> events from <paramref name="cursor"/>.</summary>
    public virtual async Task<(IReadOnlyList<byte[]> Events, string? Next)> ReadAsync(ReplayRecord replay, string? cursor, int size, CancellationToken cancellationToken = default)
    {
        if (replay.Locations is { } locations)
        {
            var start = cursor is null ? 0 : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
            var slice = locations.Skip(start).Take(size).Select(l => l.Split(' ', 2)).ToArray();
            // "{partition} {row key}"; a replay started before 2026-12 stored "{partition} {event key}" (an e| row).
            var found = await Task.WhenAll(slice.Select(l => l[1].Contains('|', StringComparison.Ordinal)
                ? store.GetAsync(l[0], l[1], cancellationToken)
                : store.GetAsync(l[0], null, l[1], cancellationToken)));
            var next = start + slice.Length;
            return (found.OfType<StoredEvent>().Select(e => e.Json).ToArray(), next < locations.Count ? next.ToString(CultureInfo.InvariantCulture) : null);
        }
        var page = await queries.QueryAsync(replay.Tenant, replay.Filter!.ToQuery(), size, cursor, cancellationToken);
        var events = page.Events.Where(e => e.Length > 0).ToArray();
        return (events, page.ContinuationToken is { } token ? ContinuationToken.Decode(token) : null);
    }

    /// <summary>Counts up to <paramref name="max"/> events of a filtered replay after <paramref name="cursor"/>; the cursor is null when all were counted.</summary>
    public virtual async Task<(long Count, string? Next)> CountAsync(string tenant, ReplayFilter filter, string? cursor, int max, CancellationToken cancellationToken = default)
    {
        long count = 0;
        while (count < max)
        {
            var page = await queries.QueryAsync(tenant, filter.ToQuery(), (int)Math.Min(HistoryFunctions.MaxLimit, max - count), cursor, cancellationToken);
            count += page.Events.Count(e => e.Length > 0);
            cursor = page.ContinuationToken is { } token ? ContinuationToken.Decode(token) : null;
            if (cursor is null)
            {
                return (count, null);
            }
        }
        return (count, cursor);
    }
}
