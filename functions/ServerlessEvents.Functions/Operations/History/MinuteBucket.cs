namespace ServerlessEvents.Functions.History;

/// <summary>Counts for one minute of a stats window (minutes without events are omitted).</summary>
public sealed record MinuteBucket(DateTimeOffset Minute, long Total, IReadOnlyDictionary<string, long> ByType);
