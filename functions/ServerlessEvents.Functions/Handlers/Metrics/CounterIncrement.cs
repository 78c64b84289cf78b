namespace ServerlessEvents.Functions.Metrics;

/// <summary>An amount to add to one series: a metric name plus its labels (tenant excluded; it is the partition).</summary>
/// <param name="Metric">The sample name, e.g. <c>serverlessevents_events_ingested_total</c>.</param>
/// <param name="Labels">Label names and values, in the order they are rendered.</param>
/// <param name="Amount">What to add (1 for a count, seconds for a summary sum).</param>
public sealed record CounterIncrement(string Metric, IReadOnlyList<KeyValuePair<string, string>> Labels, double Amount)
{
    /// <summary>A count of one with the given labels.</summary>
    public static CounterIncrement One(string metric, params (string Name, string Value)[] labels) =>
        new(metric, labels.Select(l => KeyValuePair.Create(l.Name, l.Value)).ToArray(), 1);

    /// <summary>The labels as a stable JSON array of [name, value] pairs (also the identity of the series).</summary>
    public string LabelsJson => System.Text.Json.JsonSerializer.Serialize(Labels.Select(l => new[] { l.Key, l.Value }));
}
