using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace ServerlessEvents.Functions.Events;

/// <summary>
/// The stored and published form of a <see cref="CanonicalEvent"/>: CloudEvents structured JSON written with
/// <see cref="Utf8JsonWriter"/>. <c>data</c> is copied as the producer's raw JSON text (numbers such as
/// <c>12345678901234567890</c> or <c>0.1</c> are never converted), <c>time</c> and extensions are written as read.
/// </summary>
public static class CanonicalEventJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private const int MaxRetainedBuffer = 256 * 1024;

    /// <summary>
    /// Writes the event as structured CloudEvents JSON. <paramref name="extraExtensions"/> (e.g. <c>tenantid</c>)
    /// are written as string extensions and replace same-named extensions of the event.
    /// </summary>
    /// <exception cref="ArgumentException">An extra extension name is not a valid extension name.</exception>
    public static byte[] Serialize(CanonicalEvent e, IReadOnlyDictionary<string, string>? extraExtensions = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = RentBuffer();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, CompactJson.WriterOptions))
            {
                CanonicalEventWriter.Write(writer, e, extraExtensions);
            }
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>Reads structured CloudEvents JSON written by <see cref="Serialize"/> (or any producer).</summary>
    /// <exception cref="JsonException">The text is not JSON or not a CloudEvent with id, source, type and time.</exception>
    public static CanonicalEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return CanonicalEventReader.Read(JsonElement.ParseValue(ref reader));
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the event's content: attributes in a fixed order (independent of the producer's
    /// member order), extensions ordered by name, <c>data</c> re-serialized compactly so whitespace does not matter.
    /// <c>time</c> is left out when it was generated (<see cref="CanonicalEvent.TimeGenerated"/>), so a retried event
    /// without a time still hashes the same. Member order inside <c>data</c> does count.
    /// Same source+id and same hash → duplicate; same source+id, other hash → conflict.
    /// </summary>
    public static string ContentHash(CanonicalEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = RentBuffer();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, CompactJson.WriterOptions))
            {
                CanonicalEventWriter.WriteForHash(writer, e);
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.WrittenSpan, hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>The raw UTF-8 JSON text of an element, without copying.</summary>
    internal static ReadOnlySpan<byte> RawUtf8(JsonElement element) => JsonMarshal.GetRawUtf8Value(element);

    private static ArrayBufferWriter<byte> RentBuffer()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        return buffer;
    }

    private static void ReturnBuffer(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxRetainedBuffer)
        {
            buffer.ResetWrittenCount();
            t_buffer = buffer;
        }
    }
}
