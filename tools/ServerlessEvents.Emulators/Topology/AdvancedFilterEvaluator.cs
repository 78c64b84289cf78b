using System.Text.Json;

namespace ServerlessEvents.Emulators.Topology;

/// <summary>Evaluates one <see cref="AdvancedFilter"/> against a CloudEvent, following Event Grid's rules.</summary>
public static class AdvancedFilterEvaluator
{
    /// <summary>Every operator this evaluator (and Event Grid) understands.</summary>
    public static IReadOnlySet<string> KnownOperators { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "StringIn", "StringNotIn", "StringBeginsWith", "StringNotBeginsWith", "StringEndsWith", "StringNotEndsWith",
        "StringContains", "StringNotContains", "NumberIn", "NumberNotIn", "NumberLessThan", "NumberGreaterThan",
        "NumberLessThanOrEquals", "NumberGreaterThanOrEquals", "NumberInRange", "NumberNotInRange",
        "BoolEquals", "IsNullOrUndefined", "IsNotNull",
    };

    /// <summary>Whether the filter accepts the event. A missing key satisfies only the negative operators and IsNullOrUndefined.</summary>
    public static bool Matches(AdvancedFilter filter, JsonElement cloudEvent, bool filterOnArrays)
    {
        var found = TryResolve(cloudEvent, filter.Key, out var value);
        var op = filter.OperatorType;
        if (op == "IsNullOrUndefined")
            return !found || value.ValueKind == JsonValueKind.Null;
        if (op == "IsNotNull")
            return found && value.ValueKind != JsonValueKind.Null;
        var negative = op.Contains("Not", StringComparison.Ordinal);
        if (!found || value.ValueKind == JsonValueKind.Null)
            return negative;
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (!filterOnArrays)
                return negative;
            var elements = value.EnumerateArray().ToList();
            return negative ? elements.All(e => MatchesScalar(filter, e)) : elements.Any(e => MatchesScalar(filter, e));
        }
        return MatchesScalar(filter, value);
    }

    private static bool MatchesScalar(AdvancedFilter filter, JsonElement value)
    {
        var values = filter.Values ?? [];
        return filter.OperatorType switch
        {
            "StringIn" => values.Any(v => Text(value).Equals(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringNotIn" => !values.Any(v => Text(value).Equals(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringBeginsWith" => values.Any(v => Text(value).StartsWith(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringNotBeginsWith" => !values.Any(v => Text(value).StartsWith(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringEndsWith" => values.Any(v => Text(value).EndsWith(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringNotEndsWith" => !values.Any(v => Text(value).EndsWith(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringContains" => values.Any(v => Text(value).Contains(Text(v), StringComparison.OrdinalIgnoreCase)),
            "StringNotContains" => !values.Any(v => Text(value).Contains(Text(v), StringComparison.OrdinalIgnoreCase)),
            "NumberIn" => Number(value) is { } n && values.Any(v => Number(v) == n),
            "NumberNotIn" => Number(value) is not { } n2 || !values.Any(v => Number(v) == n2),
            "NumberLessThan" => Number(value) < Operand(filter),
            "NumberGreaterThan" => Number(value) > Operand(filter),
            "NumberLessThanOrEquals" => Number(value) <= Operand(filter),
            "NumberGreaterThanOrEquals" => Number(value) >= Operand(filter),
            "NumberInRange" => Number(value) is { } r && values.Any(v => InRange(r, v)),
            "NumberNotInRange" => Number(value) is not { } r2 || !values.Any(v => InRange(r2, v)),
            "BoolEquals" => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                && filter.Value is { } b && b.ValueKind == value.ValueKind,
            _ => throw new InvalidOperationException($"Unknown advanced filter operator '{filter.OperatorType}'."),
        };
    }

    private static bool TryResolve(JsonElement root, string key, out JsonElement value)
    {
        value = root;
        foreach (var segment in key.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !TryGetProperty(value, segment, out value))
                return false;
        }
        return true;
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
            return true;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText();

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    private static double Operand(AdvancedFilter filter) =>
        filter.Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.NaN;

    private static bool InRange(double n, JsonElement range) =>
        range.ValueKind == JsonValueKind.Array && range.GetArrayLength() == 2
        && Number(range[0]) is { } low && Number(range[1]) is { } high && n >= low && n <= high;
}
