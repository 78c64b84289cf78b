using System.Buffers;
using System.Text.Json;
using Azure;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>Entity ⇄ Table JSON (with @odata.type annotations) for <see cref="TableEntity"/> and POCOs.</summary>
internal static class TableEntitySerializer
{
    private static readonly JsonEncodedText PartitionKey = JsonEncodedText.Encode(TableEntity.PartitionKeyName);
    private static readonly JsonEncodedText RowKey = JsonEncodedText.Encode(TableEntity.RowKeyName);

    public static BinaryData ToJson(ITableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, entity);
        return new BinaryData(buffer.WrittenMemory);
    }

    public static void Write(Utf8JsonWriter writer, ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.PartitionKey is null || entity.RowKey is null)
        {
            throw new ArgumentException("The entity must have a PartitionKey and a RowKey.", nameof(entity));
        }
        writer.WriteStartObject();
        writer.WriteString(PartitionKey, entity.PartitionKey);
        writer.WriteString(RowKey, entity.RowKey);
        if (entity is TableEntity dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                if (value is null || IsSystem(key)) continue;
                var (name, annotation) = PropertyNames.Get(key);
                EdmWriter.WriteObject(writer, name, annotation, value);
            }
        }
        else
        {
            foreach (var property in EntityTypeInfo.Get(entity.GetType()).Properties) property.Write(writer, entity);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads one entity. Annotations may precede (what Azure and Azurite emit) or directly follow
    /// their value; both are honoured without a second scan of the object.
    /// </summary>
    public static T Read<T>(JsonElement element, string? headerETag = null) where T : class, ITableEntity, new()
    {
        var entity = new T();
        var reader = new EntityReader(entity);
        string? pendingAnnotation = null, pendingType = null, lastName = null;
        JsonElement lastValue = default;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal))
            {
                var type = property.Value.GetString();
                if (lastName is not null && IsAnnotationOf(name, lastName)) reader.Apply(lastName, lastValue, type);
                else (pendingAnnotation, pendingType) = (name, type);
                continue;
            }
            var edmType = pendingAnnotation is not null && IsAnnotationOf(pendingAnnotation, name) ? pendingType : null;
            reader.Apply(name, property.Value, edmType);
            (lastName, lastValue) = (name, property.Value);
        }
        if (headerETag is not null) entity.ETag = new ETag(headerETag);
        return entity;
    }

    private static bool IsAnnotationOf(string annotation, string name) =>
        annotation.Length == name.Length + EdmType.AnnotationSuffix.Length && annotation.StartsWith(name, StringComparison.Ordinal);

    private static bool IsSystem(string key) =>
        key is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName or TableEntity.ETagName;
}
