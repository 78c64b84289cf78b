using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServerlessEvents.Functions.Events;

/// <summary>Re-serializes JSON compactly (no insignificant whitespace, one escaping style).</summary>
internal static class CompactJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> compactly into <paramref name="buffer"/>.</summary>
    public static void Write(JsonElement value, IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        value.WriteTo(writer);
    }

    /// <summary>The compact JSON text of <paramref name="value"/>.</summary>
    public static string ToString(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(value, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
