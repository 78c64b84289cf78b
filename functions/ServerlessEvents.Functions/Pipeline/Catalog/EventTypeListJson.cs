using System.Buffers;
using System.Text.Json;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>Writes the event type list, <c>[{type, version, schemaUrl}]</c>, once.</summary>
internal static class EventTypeListJson
{
    public static ReadOnlyMemory<byte> Write(IEnumerable<EventTypeInfo> types)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var type in types)
            {
                writer.WriteStartObject();
                writer.WriteString("type", type.Type);
                writer.WriteString("version", type.Version);
                writer.WriteString("schemaUrl", type.SchemaUrl);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenMemory.ToArray();
    }
}
