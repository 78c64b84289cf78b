using System.Text.Json;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>A cached accessor for one mapped POCO property (built once per type, no reflection per call).</summary>
internal abstract class EntityProperty(string name)
{
    public string Name { get; } = name;

    public JsonEncodedText JsonName { get; } = JsonEncodedText.Encode(name);

    public JsonEncodedText JsonAnnotation { get; } = JsonEncodedText.Encode(name + EdmType.AnnotationSuffix);

    public abstract bool CanRead { get; }

    public abstract void Write(Utf8JsonWriter writer, object entity);

    public abstract void Read(object entity, JsonElement value, string? edmType);
}
