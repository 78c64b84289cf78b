using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>Reads a tenant's counters from the <c>Metrics</c> table, summing its shards (docs/metrics.md).</summary>
public class MetricsCounterReader(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Metrics);

    /// <summary>Every series of a tenant: one range query over its partitions, counter rows only (markers skipped).</summary>
    public virtual async Task<IReadOnlyList<CounterSeries>> ReadAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {tenant + "|"} and PartitionKey lt {tenant + "}"} and RowKey ge {MetricKeys.CounterPrefix} and RowKey lt {"c}"}");
        var totals = new Dictionary<(string Metric, string Labels), double>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Metric", "Labels", "Value"], cancellationToken: cancellationToken))
        {
            var key = (row.GetString("Metric")!, row.GetString("Labels")!);
            totals[key] = totals.GetValueOrDefault(key) + (row.GetDouble("Value") ?? 0);
        }
        return totals.Select(t => new CounterSeries(tenant == MetricKeys.NoTenant ? "" : tenant, t.Key.Metric, ParseLabels(t.Key.Labels), t.Value)).ToArray();
    }

    private static KeyValuePair<string, string>[] ParseLabels(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<string[][]>(json)!.Select(p => KeyValuePair.Create(p[0], p[1])).ToArray();
}
