using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>One binding of a function.json: its type, direction, name and the type-specific properties.</summary>
public sealed record FunctionBinding(string Type, string Direction, string Name, JsonObject Properties)
{
    /// <summary>True for an input or trigger binding.</summary>
    public bool IsInput => string.Equals(Direction, "in", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the binding has the given type (binding types are case-insensitive).</summary>
    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>A string property such as <c>route</c> or <c>queueName</c>, or null.</summary>
    public string? Property(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
}
