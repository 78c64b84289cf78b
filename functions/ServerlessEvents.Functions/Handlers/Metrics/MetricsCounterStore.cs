using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>
/// Counters aggregated across instances in the <c>Metrics</c> table. A write is one entity-group transaction in
/// one partition: the marker rows (Add: 409 means already counted) plus the counter rows (UpdateMerge with their
/// ETags, or Add when missing). A lost race (412/409) re-reads and tries again, a bounded number of times.
/// </summary>
public class MetricsCounterStore(TableServiceClient tables, IOptions<MetricsOptions> options)
{
    private const int MaxActions = 100;
    private readonly TableClient _table = tables.GetTableClient(TableNames.Metrics);

    /// <summary>Applies contributions for a tenant; each one with a marker is applied at most once, ever.</summary>
    /// <exception cref="CounterContentionException">The counters stayed contended for every attempt.</exception>
    public virtual async Task AddAsync(string tenant, IReadOnlyList<CounterContribution> contributions, CancellationToken cancellationToken = default)
    {
        var shards = options.Value.CounterShards;
        var groups = contributions.Where(c => c.Increments.Count > 0)
            .GroupBy(c => c.Marker is null ? Random.Shared.Next(shards) : MetricKeys.ShardOf(c.Marker, shards));
        foreach (var group in groups)
        {
            foreach (var chunk in Chunk(group))
            {
                await ApplyAsync(MetricKeys.Partition(tenant, group.Key), chunk, cancellationToken);
            }
        }
    }

    private async Task ApplyAsync(string partition, List<CounterContribution> pending, CancellationToken cancellationToken)
    {
        // Only lost counter races use up attempts; a marker conflict shrinks the work, so the loop still ends.
        var races = 0;
        while (pending.Count > 0)
        {
            var marked = pending.Where(c => c.Marker is not null).ToList();
            var actions = marked.Select(c => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(partition, MetricKeys.MarkerRow(c.Marker!)))).ToList();
            actions.AddRange(await CounterActionsAsync(partition, pending, cancellationToken));
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException failed) when (failed.Status is 409 or 412)
            {
                if (failed.Status == 409 && (failed.FailedTransactionActionIndex is null || failed.FailedTransactionActionIndex < marked.Count))
                {
                    // A marker exists (already counted): drop every contribution whose marker exists, then go again.
                    var before = pending.Count;
                    pending = await WithoutCountedAsync(partition, pending, cancellationToken);
                    if (pending.Count < before)
                    {
                        continue;
                    }
                }
                if (++races >= options.Value.MaxWriteAttempts)
                {
                    throw new CounterContentionException(partition, races);
                }
                await Task.Delay(Random.Shared.Next(5, 20 * races), cancellationToken);
            }
        }
    }

    private async Task<IEnumerable<TableTransactionAction>> CounterActionsAsync(string partition, List<CounterContribution> pending, CancellationToken cancellationToken)
    {
        var sums = pending.SelectMany(c => c.Increments).GroupBy(MetricKeys.CounterRow)
            .Select(g => (Row: g.Key, First: g.First(), Amount: g.Sum(i => i.Amount))).ToArray();
        var current = await Task.WhenAll(sums.Select(s => _table.GetEntityIfExistsAsync<TableEntity>(partition, s.Row, ["Value"], cancellationToken)));
        return sums.Select((s, i) => current[i].HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(partition, s.Row) { ["Value"] = (current[i].Value!.GetDouble("Value") ?? 0) + s.Amount }, current[i].Value!.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(partition, s.Row) { ["Metric"] = s.First.Metric, ["Labels"] = s.First.LabelsJson, ["Value"] = s.Amount }));
    }

    private async Task<List<CounterContribution>> WithoutCountedAsync(string partition, List<CounterContribution> pending, CancellationToken cancellationToken)
    {
        var seen = await Task.WhenAll(pending.Select(c => c.Marker is null
            ? Task.FromResult(false)
            : _table.GetEntityIfExistsAsync<TableEntity>(partition, MetricKeys.MarkerRow(c.Marker), ["RowKey"], cancellationToken).ContinueWith(t => t.Result.HasValue, TaskScheduler.Default)));
        return pending.Where((_, i) => !seen[i]).ToList();
    }

    private static IEnumerable<List<CounterContribution>> Chunk(IEnumerable<CounterContribution> contributions)
    {
        var chunk = new List<CounterContribution>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in contributions)
        {
            var added = c.Increments.Select(MetricKeys.CounterRow).Where(r => !rows.Contains(r)).Distinct().Count() + (c.Marker is null ? 0 : 1);
            if (chunk.Count > 0 && rows.Count + chunk.Count(x => x.Marker is not null) + added > MaxActions)
            {
                yield return chunk;
                chunk = [];
                rows.Clear();
            }
            chunk.Add(c);
            rows.UnionWith(c.Increments.Select(MetricKeys.CounterRow));
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
