using ServerlessEvents.Functions.History;

namespace ServerlessEvents.Functions.Replay;

/// <summary>The selection of a filtered replay. <c>To</c> is pinned to the replay's creation time when absent or later.</summary>
public sealed record ReplayFilter(string? Type, string? Source, string? Subject, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The history query that selects the events.</summary>
    public EventQuery ToQuery() => new(Type, Source, Subject, From: From, To: To);
}
