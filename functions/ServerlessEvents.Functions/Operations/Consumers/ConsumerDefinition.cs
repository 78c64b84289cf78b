namespace ServerlessEvents.Functions.Consumers;

/// <summary>A pull consumer: the types it wants (exact or <c>prefix.*</c>) and its checkpoint (a feed row key).</summary>
public sealed record ConsumerDefinition(string Tenant, string Name, IReadOnlyList<string> EventTypes, string Checkpoint, DateTimeOffset CreatedAt)
{
    /// <summary>Whether the consumer wants events of this type (an empty list wants everything).</summary>
    public bool Wants(string type) => EventTypes.Count == 0 || EventTypes.Any(t => t == "*" ||
        t.EndsWith(".*", StringComparison.Ordinal) ? type.StartsWith(t[..^1], StringComparison.Ordinal) : t == type);
}
