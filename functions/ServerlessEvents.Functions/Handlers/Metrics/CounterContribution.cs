namespace ServerlessEvents.Functions.Metrics;

/// <summary>
/// Increments that must be applied together, at most once per <paramref name="Marker"/> when one is given
/// (the marker row and the counters are written in one transaction). Without a marker they are applied once per call.
/// </summary>
/// <param name="Marker">What was counted, e.g. a delivery's DedupKey prefixed by its scope; null when there is none.</param>
/// <param name="Increments">The amounts to add.</param>
public sealed record CounterContribution(string? Marker, IReadOnlyList<CounterIncrement> Increments);
