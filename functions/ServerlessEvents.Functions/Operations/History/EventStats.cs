namespace ServerlessEvents.Functions.History;

/// <summary>The answer of <c>GET /api/events/stats</c>.</summary>
public sealed record EventStats(DateTimeOffset From, DateTimeOffset To, long Total, IReadOnlyDictionary<string, long> ByType, IReadOnlyList<MinuteBucket> Minutes);
