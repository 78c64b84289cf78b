namespace ServerlessEvents.Functions.Consumers;

/// <summary>What one read of the feed found: the matching events' JSON in ingestion order, and the row key of the last row examined.</summary>
public sealed record FeedPage(IReadOnlyList<byte[]> Events, string Position);
