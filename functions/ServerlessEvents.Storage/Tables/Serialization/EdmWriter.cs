using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>Writes one property with the @odata.type annotation the Table service needs for its type.</summary>
internal static class EdmWriter
{
    /// <summary>Typed fast path: the <c>typeof</c> checks are folded by the JIT for value types.</summary>
    public static void Write<T>(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, T value)
    {
        if (typeof(T) == typeof(string)) { if (value is not null) w.WriteString(name, (string)(object)value); }
        else if (typeof(T) == typeof(int)) w.WriteNumber(name, (int)(object)value!);
        else if (typeof(T) == typeof(bool)) w.WriteBoolean(name, (bool)(object)value!);
        else if (typeof(T) == typeof(long)) WriteInt64(w, name, annotation, (long)(object)value!);
        else if (typeof(T) == typeof(double)) WriteDouble(w, name, annotation, (double)(object)value!);
        else if (typeof(T) == typeof(Guid)) WriteGuid(w, name, annotation, (Guid)(object)value!);
        else if (typeof(T) == typeof(DateTimeOffset)) WriteDateTime(w, name, annotation, ((DateTimeOffset)(object)value!).UtcDateTime);
        else if (typeof(T) == typeof(DateTime)) WriteDateTime(w, name, annotation, Utc((DateTime)(object)value!));
        else if (value is not null) WriteObject(w, name, annotation, value);
    }

    /// <summary>Untyped path for <see cref="TableEntity"/> values, nullables and enums.</summary>
    public static void WriteObject(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, object? value)
    {
        switch (value)
        {
            case null: return;
            case string s: w.WriteString(name, s); return;
            case int i: w.WriteNumber(name, i); return;
            case bool b: w.WriteBoolean(name, b); return;
            case long l: WriteInt64(w, name, annotation, l); return;
            case double d: WriteDouble(w, name, annotation, d); return;
            case float f: WriteDouble(w, name, annotation, f); return;
            case Guid g: WriteGuid(w, name, annotation, g); return;
            case DateTimeOffset dto: WriteDateTime(w, name, annotation, dto.UtcDateTime); return;
            case DateTime dt: WriteDateTime(w, name, annotation, Utc(dt)); return;
            case byte[] bytes: WriteBinary(w, name, annotation, bytes); return;
            case BinaryData data: WriteBinary(w, name, annotation, data.ToMemory().Span); return;
            case Enum e: w.WriteString(name, e.ToString()); return;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' has type {value.GetType().Name}, which Table storage cannot store.");
        }
    }

    private static void WriteInt64(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, long value)
    {
        w.WriteString(annotation, EdmType.Int64);
        Span<byte> buffer = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        w.WriteString(name, buffer[..written]);
    }

    private static void WriteDouble(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, double value)
    {
        w.WriteString(annotation, EdmType.Double);
        if (!double.IsFinite(value))
        {
            w.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            return;
        }
        w.WritePropertyName(name);
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        w.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E', 'e') < 0 ? text + ".0" : text, skipInputValidation: true);
    }

    private static void WriteGuid(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, Guid value)
    {
        w.WriteString(annotation, EdmType.Guid);
        w.WriteString(name, value);
    }

    private static void WriteDateTime(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, DateTime utc)
    {
        w.WriteString(annotation, EdmType.DateTime);
        Span<char> buffer = stackalloc char[32];
        utc.TryFormat(buffer, out var written, EdmType.DateTimeFormat, CultureInfo.InvariantCulture);
        w.WriteString(name, buffer[..written]);
    }

    private static void WriteBinary(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText annotation, ReadOnlySpan<byte> bytes)
    {
        w.WriteString(annotation, EdmType.Binary);
        w.WriteBase64String(name, bytes);
    }

    /// <summary>Unspecified kind is taken as UTC; local times are converted.</summary>
    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
