using System.Text.Json;

namespace ServerlessEvents.Functions.Events;

/// <summary>Writes a <see cref="CanonicalEvent"/> as CloudEvents JSON, for storage or for hashing.</summary>
internal static class CanonicalEventWriter
{
    public static void Write(Utf8JsonWriter w, CanonicalEvent e, IReadOnlyDictionary<string, string>? extra)
    {
        w.WriteStartObject();
        WriteContext(w, e, includeTime: true);
        foreach (var (name, value) in e.Extensions)
        {
            if (extra is null || !extra.ContainsKey(name))
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }
        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                if (!CloudEventNames.IsExtensionName(name) || CanonicalEventReader.IsContextAttribute(name))
                {
                    throw new ArgumentException($"'{name}' is not a valid extension attribute name.", nameof(extra));
                }
                w.WriteString(name, value);
            }
        }
        if (e.Data is { } data)
        {
            w.WritePropertyName("data");
            w.WriteRawValue(CanonicalEventJson.RawUtf8(data), skipInputValidation: true);
        }
        else if (e.DataBase64 is { } base64)
        {
            w.WriteString("data_base64", base64);
        }
        w.WriteEndObject();
    }

    /// <summary>The canonical form hashed for duplicate detection (see <see cref="CanonicalEventJson.ContentHash"/>).</summary>
    public static void WriteForHash(Utf8JsonWriter w, CanonicalEvent e)
    {
        w.WriteStartObject();
        WriteContext(w, e, includeTime: !e.TimeGenerated);
        if (e.Extensions.Count > 0)
        {
            var names = e.Extensions.Keys.ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            foreach (var name in names)
            {
                w.WritePropertyName(name);
                e.Extensions[name].WriteTo(w);
            }
        }
        if (e.Data is { } data)
        {
            w.WritePropertyName("data");
            data.WriteTo(w);
        }
        else if (e.DataBase64 is { } base64)
        {
            w.WriteString("data_base64", base64);
        }
        w.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter w, CanonicalEvent e, bool includeTime)
    {
        w.WriteString("specversion"u8, e.SpecVersion);
        w.WriteString("id"u8, e.Id);
        w.WriteString("source"u8, e.Source);
        w.WriteString("type"u8, e.Type);
        if (e.Subject is not null)
        {
            w.WriteString("subject"u8, e.Subject);
        }
        if (includeTime)
        {
            w.WriteString("time"u8, e.Time);
        }
        if (e.DataContentType is not null)
        {
            w.WriteString("datacontenttype"u8, e.DataContentType);
        }
        if (e.DataSchema is not null)
        {
            w.WriteString("dataschema"u8, e.DataSchema);
        }
    }
}
