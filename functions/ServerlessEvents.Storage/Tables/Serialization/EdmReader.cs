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
        if (typeof(T) == typeof(string)) return (T)(object)(e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText());
        if (typeof(T) == typeof(int)) return (T)(object)e.GetInt32();
        if (typeof(T) == typeof(bool)) return (T)(object)e.GetBoolean();
        if (typeof(T) == typeof(long)) return (T)(object)(e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt64());
        if (typeof(T) == typeof(double)) return (T)(object)ReadDouble(e);
        if (typeof(T) == typeof(Guid)) return (T)(object)e.GetGuid();
        if (typeof(T) == typeof(DateTimeOffset)) return (T)(object)ParseDateTime(e.GetString()!);
        if (typeof(T) == typeof(DateTime)) return (T)(object)ParseDateTime(e.GetString()!).UtcDateTime;
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
