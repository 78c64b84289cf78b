using System.Text.Json;
using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>The attributes one wire format yielded, before defaults and validation turn them into a <see cref="CanonicalEvent"/>.</summary>
internal sealed class EventDraft(EnvelopeFields fields, bool isCloudEvent)
{
    public EnvelopeFields Fields { get; } = fields;
    /// <summary>CloudEvents require specversion, id, source and type; the simple and legacy envelopes get defaults.</summary>
    public bool IsCloudEvent { get; } = isCloudEvent;
    public ItemErrors Errors { get; } = new();
    public string? SpecVersion { get; set; }
    public string? Id { get; set; }
    public string? Source { get; set; }
    public string? Type { get; set; }
    public string? Subject { get; set; }
    public string? Time { get; set; }
    public string? DataContentType { get; set; }
    public string? DataSchema { get; set; }
    public JsonElement? Data { get; set; }
    public string? DataBase64 { get; set; }
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>Reads a string-valued attribute; any other JSON kind is a structural error on <paramref name="field"/>.</summary>
    public string? String(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        Errors.Structure(field, "must be a string, not " + Catalog.JsonKinds.Describe(value.ValueKind));
        return null;
    }

    /// <summary>Adds an extension attribute after checking its name, reservation and value kind.</summary>
    public void Extension(string name, string field, JsonElement value)
    {
        if (!CloudEventNames.IsExtensionName(name))
        {
            Errors.Semantic(field, "is not a valid extension attribute name (1-20 lower-case letters or digits)");
            return;
        }
        if (name is CanonicalEvent.TenantExtension or CanonicalEvent.ReplayExtension or CanonicalEvent.ReplayTargetExtension)
        {
            Errors.Semantic(field, $"is reserved: the '{name}' extension is set by the service, never by producers");
            return;
        }
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
        {
            Errors.Structure(field, "must be a string, number or boolean, not " + Catalog.JsonKinds.Describe(value.ValueKind));
            return;
        }
        (Extensions ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;
    }
}
