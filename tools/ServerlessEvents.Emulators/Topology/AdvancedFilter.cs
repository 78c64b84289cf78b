using System.Text.Json;

namespace ServerlessEvents.Emulators.Topology;

/// <summary>
/// One Event Grid advanced filter, in the ARM shape: <c>operatorType</c>, <c>key</c>, and either
/// <c>values</c> (In/NotIn/BeginsWith/EndsWith/Contains/InRange operators) or <c>value</c> (comparisons, BoolEquals).
/// </summary>
public sealed class AdvancedFilter
{
    /// <summary>The operator, e.g. <c>StringIn</c>, <c>NumberGreaterThan</c>, <c>BoolEquals</c>, <c>IsNotNull</c>.</summary>
    public string OperatorType { get; init; } = "";

    /// <summary>The attribute path, e.g. <c>data.kind</c>, <c>subject</c> or <c>source</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>The operand list for multi-value operators.</summary>
    public IReadOnlyList<JsonElement>? Values { get; init; }

    /// <summary>The operand for single-value operators.</summary>
    public JsonElement? Value { get; init; }
}
