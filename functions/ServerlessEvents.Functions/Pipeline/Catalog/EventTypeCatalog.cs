using System.Collections.Frozen;
using System.Text.Json;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// The event types the system accepts, discovered from records marked with <see cref="EventTypeAttribute"/>.
/// Schemas are generated and built (JsonSchema.Net, one registry per catalog) once, at construction; afterwards the catalog is immutable and thread-safe.
/// Validation failures are semantic (the envelope was readable), so callers answer them with 422.
/// </summary>
public sealed class EventTypeCatalog
{
    private readonly FrozenDictionary<string, EventTypeInfo> _types;

    /// <summary>Discovers every event type record in this assembly.</summary>
    public EventTypeCatalog()
        : this(typeof(EventTypeCatalog).Assembly.GetTypes())
    {
    }

    /// <summary>Builds a catalog from the marked types among <paramref name="candidates"/>.</summary>
    public EventTypeCatalog(IEnumerable<Type> candidates)
    {
        var types = new Dictionary<string, EventTypeInfo>(StringComparer.Ordinal);
        var registry = new Json.Schema.SchemaRegistry();
        foreach (var candidate in candidates)
        {
            if (SchemaGenerator.EventTypeOf(candidate) is not { } marker)
            {
                continue;
            }
            var text = SchemaGenerator.ToText(SchemaGenerator.Generate(candidate, marker.Type, marker.Version));
            var info = new EventTypeInfo(marker.Type, marker.Version, candidate, text, new DataSchema(text, registry));
            if (!types.TryAdd(marker.Type, info))
            {
                throw new InvalidOperationException($"Event type '{marker.Type}' is declared by both {types[marker.Type].DataType} and {candidate}.");
            }
        }
        _types = types.ToFrozenDictionary(StringComparer.Ordinal);
        Types = _types.Values.OrderBy(t => t.Type, StringComparer.Ordinal).ToArray();
        TypeNames = Types.Select(t => t.Type).ToArray();
        ListJson = EventTypeListJson.Write(Types);
    }

    /// <summary>Every event type, ordered by name.</summary>
    public IReadOnlyCollection<EventTypeInfo> Types { get; }

    /// <summary>Every event type name, ordered.</summary>
    public IReadOnlyList<string> TypeNames { get; }

    /// <summary>The <c>GET /api/event-types</c> answer, precomputed.</summary>
    internal ReadOnlyMemory<byte> ListJson { get; }

    /// <summary>Looks up an event type by its exact name.</summary>
    public bool TryGet(string type, out EventTypeInfo info) => _types.TryGetValue(type, out info!);

    /// <summary>
    /// Every error of an event against its type: an unknown type is an error on <c>type</c>; otherwise <c>data</c>
    /// is validated against the type's schema (absent data where an object is required is an error on <c>data</c>).
    /// </summary>
    public IReadOnlyList<FieldError> Validate(CanonicalEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_types.TryGetValue(e.Type, out var info))
        {
            return [UnknownTypeError(e.Type)];
        }
        if (e.Data is not { } data || data.ValueKind == JsonValueKind.Undefined)
        {
            var why = e.DataBase64 is null ? "is required" : "must be JSON (data_base64 is not accepted for this type)";
            return info.Schema.AcceptsNull ? [] : [new FieldError("data", $"{why}: {e.Type} carries {info.Schema.Expected}")];
        }
        return info.Schema.Validate(data, "data");
    }

    /// <summary>
    /// The types a subscription pattern selects: an exact type, a prefix pattern such as <c>order.*</c>, or <c>*</c>.
    /// Unknown types and patterns that select nothing give an empty list.
    /// </summary>
    public IReadOnlyList<string> Expand(string typeOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(typeOrPrefix);
        if (typeOrPrefix == "*")
        {
            return TypeNames;
        }
        if (typeOrPrefix.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = typeOrPrefix[..^1];
            return TypeNames.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        }
        return _types.ContainsKey(typeOrPrefix) ? [typeOrPrefix] : [];
    }

    /// <summary>Reads an event's <c>data</c> into its record; null when there is no data.</summary>
    /// <exception cref="JsonException">The data does not fit <typeparamref name="T"/> (validate first).</exception>
    public T? ReadData<T>(CanonicalEvent e) where T : class =>
        e.Data is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } data
            ? data.Deserialize<T>(CatalogJson.Options)
            : null;

    /// <summary>The error that names an unknown type.</summary>
    public FieldError UnknownTypeError(string? type) =>
        new("type", $"'{type}' is not a known event type; GET /api/event-types lists the {TypeNames.Count} known types");
}
