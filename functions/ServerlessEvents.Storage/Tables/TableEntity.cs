using System.Collections;
using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>A schemaless entity: a dictionary of property values plus the system properties.</summary>
public sealed partial class TableEntity : ITableEntity, IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";
    internal const string ETagName = "odata.etag";

    private readonly Dictionary<string, object?> _properties;

    public TableEntity() => _properties = new Dictionary<string, object?>(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values) =>
        _properties = new Dictionary<string, object?>(values, StringComparer.Ordinal);

    public string PartitionKey { get => GetString(PartitionKeyName)!; set => _properties[PartitionKeyName] = value; }

    public string RowKey { get => GetString(RowKeyName)!; set => _properties[RowKeyName] = value; }

    public DateTimeOffset? Timestamp { get => GetDateTimeOffset(TimestampName); set => _properties[TimestampName] = value; }

    public ETag ETag
    {
        get => _properties.TryGetValue(ETagName, out var v) && v is string s ? new ETag(s) : default;
        set => _properties[ETagName] = value.ToString();
    }

    public object? this[string key] { get => _properties.TryGetValue(key, out var v) ? v : null; set => _properties[key] = value; }

    public ICollection<string> Keys => _properties.Keys;
    public ICollection<object?> Values => _properties.Values;
    public int Count => _properties.Count;
    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public void Add(string key, object? value) => _properties.Add(key, value);
    public bool ContainsKey(string key) => _properties.ContainsKey(key);
    public bool Remove(string key) => _properties.Remove(key);
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);
    public void Clear() => _properties.Clear();
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);
    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);
    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);
    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);
}
