using System.Globalization;
using System.Text.Json;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>Reads a property value using its @odata.type annotation (minimalmetadata).</summary>
internal static class EdmReader
{
    /// <summary>Reads a value as the CLR type the service type maps to (TableEntity semantics).</summary>
    public static object? ReadUntyped(JsonElement e, string? edmType)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
        }
        switch (edmType)
        {
            case EdmType.Int64: return e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt64();
            case EdmType.Double: return ReadDouble(e);
            case EdmType.DateTime: return ParseDateTime(e.GetString()!);
            case EdmType.Guid: return e.GetGuid();
            case EdmType.Binary: return e.GetBytesFromBase64();
            case EdmType.Int32: return e.ValueKind == JsonValueKind.String ? int.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt32();
        }
        if (e.ValueKind == JsonValueKind.String) return e.GetString();
        if (e.ValueKind != JsonValueKind.Number) throw new JsonException($"Unexpected JSON {e.ValueKind} in an entity.");
        // Untyped number: a decimal point or exponent means Edm.Double, otherwise Edm.Int32.
        var raw = e.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0) return e.GetDouble();
        if (e.TryGetInt32(out var i)) return i;
        return e.GetInt64();
    }

    /// <summary>Reads a value into a declared property type (POCO mapping).</summary>
    public static T? Read<T>(JsonElement e, string? edmType)
    {
        if (e.ValueKind == JsonValueKind.Null) return default;
        var kind = e.ValueKind;
        if (typeof(T) == typeof(string)) return (T)(object)(kind == JsonValueKind.String ? e.GetString()! : e.GetRawText());
        if (typeof(T) == typeof(int) && kind == JsonValueKind.Number && e.TryGetInt32(out var i)) return (T)(object)i;
        if (typeof(T) == typeof(bool) && kind is JsonValueKind.True or JsonValueKind.False) return (T)(object)e.GetBoolean();
        if (typeof(T) == typeof(long) && kind == JsonValueKind.String && long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return (T)(object)l;
        if (typeof(T) == typeof(double) && kind == JsonValueKind.Number) return (T)(object)e.GetDouble();
        if (typeof(T) == typeof(Guid) && kind == JsonValueKind.String && e.TryGetGuid(out var g)) return (T)(object)g;
        if (typeof(T) == typeof(DateTimeOffset) && kind == JsonValueKind.String) return (T)(object)ParseDateTime(e.GetString()!);
        if (typeof(T) == typeof(DateTime) && kind == JsonValueKind.String) return (T)(object)ParseDateTime(e.GetString()!).UtcDateTime;
        // Anything else (nullables, enums, binary, or a stored type that differs from the declared one) converts.
        return (T?)ConvertTo(ReadUntyped(e, edmType), typeof(T));
    }

    public static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static double ReadDouble(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        }
        : e.GetDouble();

    private static object? ConvertTo(object? value, Type target)
    {
        if (value is null) return null;
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value)) return value;
        if (type.IsEnum)
        {
            return value is string s ? Enum.Parse(type, s, ignoreCase: false) : Enum.ToObject(type, value);
        }
        return value switch
        {
            byte[] b when type == typeof(BinaryData) => BinaryData.FromBytes(b),
            DateTimeOffset d when type == typeof(DateTime) => d.UtcDateTime,
            int i when type == typeof(long) => (long)i,
            int i when type == typeof(double) => (double)i,
            long l when type == typeof(double) => (double)l,
            string s when type == typeof(Guid) => Guid.Parse(s),
            string s when type == typeof(DateTimeOffset) => ParseDateTime(s),
            string s when type == typeof(DateTime) => ParseDateTime(s).UtcDateTime,
            _ => Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
        };
    }
}
