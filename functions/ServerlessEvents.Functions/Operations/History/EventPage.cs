namespace ServerlessEvents.Functions.History;

/// <summary>One page of events, newest first, as their canonical JSON, with the token for the next page.</summary>
public sealed record EventPage(IReadOnlyList<byte[]> Events, string? ContinuationToken);
