using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Metadata;

/// <summary>One binding of a function as the worker reported it (a raw_bindings entry).</summary>
public sealed class FunctionBinding
{
    private readonly JsonObject _raw;

    internal FunctionBinding(JsonObject raw)
    {
        _raw = raw;
        Name = raw["name"]?.GetValue<string>() ?? "";
        Type = raw["type"]?.GetValue<string>() ?? "";
        IsInput = !string.Equals(raw["direction"]?.GetValue<string>(), "Out", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The binding name (a parameter name, a property name or <c>$return</c>).</summary>
    public string Name { get; }

    /// <summary>The binding type, e.g. <c>queueTrigger</c>.</summary>
    public string Type { get; }

    /// <summary>True for in (and trigger) bindings.</summary>
    public bool IsInput { get; }

    /// <summary>True when this binding is the function's trigger.</summary>
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the type is <paramref name="type"/> (case-insensitive, as the host compares).</summary>
    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>A property as text (arrays joined by commas), or null when absent.</summary>
    public string? Property(string name)
    {
        var node = _raw[name] ?? (_raw["properties"] as JsonObject)?[name];
        return node switch
        {
            null => null,
            JsonArray array => string.Join(",", array.Select(n => n?.ToString())),
            _ => node.ToString(),
        };
    }

    /// <summary>A string-array property (e.g. <c>methods</c>), or empty.</summary>
    public IReadOnlyList<string> ArrayProperty(string name) =>
        _raw[name] is JsonArray array ? array.Select(n => n?.ToString() ?? "").ToArray() : [];

    /// <summary>True when the property is the text "true" (any case) or JSON true.</summary>
    public bool Flag(string name) => string.Equals(Property(name), "true", StringComparison.OrdinalIgnoreCase);
}
