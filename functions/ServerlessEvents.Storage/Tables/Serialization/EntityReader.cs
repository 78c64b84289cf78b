using System.Text.Json;
using Azure;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>Applies one JSON property to an entity: system properties, dictionary values or mapped POCO properties.</summary>
internal readonly struct EntityReader
{
    private readonly ITableEntity _entity;
    private readonly TableEntity? _dictionary;
    private readonly EntityTypeInfo? _info;

    public EntityReader(ITableEntity entity)
    {
        _entity = entity;
        _dictionary = entity as TableEntity;
        _info = _dictionary is null ? EntityTypeInfo.Get(entity.GetType()) : null;
    }

    public void Apply(string name, JsonElement value, string? edmType)
    {
        switch (name)
        {
            case TableEntity.PartitionKeyName: _entity.PartitionKey = value.GetString()!; return;
            case TableEntity.RowKeyName: _entity.RowKey = value.GetString()!; return;
            case TableEntity.TimestampName: _entity.Timestamp = EdmReader.ParseDateTime(value.GetString()!); return;
            case TableEntity.ETagName: _entity.ETag = new ETag(value.GetString()!); return;
        }
        if (name.StartsWith("odata.", StringComparison.Ordinal)) return;
        if (_dictionary is not null) _dictionary[name] = EdmReader.ReadUntyped(value, edmType);
        else if (_info!.ByName.TryGetValue(name, out var mapped)) mapped.Read(_entity, value, edmType);
    }
}
