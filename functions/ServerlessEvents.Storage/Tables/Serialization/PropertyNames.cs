using System.Collections.Concurrent;
using System.Text.Json;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>
/// Pre-encoded JSON names (property and its @odata.type annotation) for <see cref="TableEntity"/> keys.
/// Bounded so that entities with ever-changing property names cannot grow it without limit.
/// </summary>
internal static class PropertyNames
{
    private const int MaxEntries = 4096;
    private static readonly ConcurrentDictionary<string, (JsonEncodedText Name, JsonEncodedText Annotation)> Cache = new(StringComparer.Ordinal);

    public static (JsonEncodedText Name, JsonEncodedText Annotation) Get(string key)
    {
        if (Cache.TryGetValue(key, out var names)) return names;
        names = (JsonEncodedText.Encode(key), JsonEncodedText.Encode(key + EdmType.AnnotationSuffix));
        if (Cache.Count < MaxEntries) Cache.TryAdd(key, names);
        return names;
    }
}
