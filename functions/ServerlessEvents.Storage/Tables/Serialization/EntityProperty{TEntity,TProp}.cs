using System.Reflection;
using System.Text.Json;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>Strongly typed getter/setter delegates for one property.</summary>
internal sealed class EntityProperty<TEntity, TProp> : EntityProperty where TEntity : class
{
    private readonly Func<TEntity, TProp> _get;
    private readonly Action<TEntity, TProp>? _set;

    public EntityProperty(PropertyInfo property) : base(property.Name)
    {
        _get = property.GetGetMethod()!.CreateDelegate<Func<TEntity, TProp>>();
        _set = property.GetSetMethod()?.CreateDelegate<Action<TEntity, TProp>>();
    }

    public override bool CanRead => _set is not null;

    public override void Write(Utf8JsonWriter writer, object entity) =>
        EdmWriter.Write(writer, JsonName, JsonAnnotation, _get((TEntity)entity));

    public override void Read(object entity, JsonElement value, string? edmType)
    {
        if (_set is null) return;
        _set((TEntity)entity, EdmReader.Read<TProp>(value, edmType)!);
    }
}
