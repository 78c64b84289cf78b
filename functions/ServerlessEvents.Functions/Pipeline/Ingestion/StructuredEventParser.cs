using System.Text.Json;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Reads a CloudEvents JSON (structured mode) object: context attributes, extensions, data or data_base64.
/// Member names are matched as UTF-8 so the hot path allocates no name strings.
/// </summary>
internal static class StructuredEventParser
{
    public static EventDraft Read(JsonElement item)
    {
        var d = new EventDraft(EnvelopeFields.CloudEvent, isCloudEvent: true);
        foreach (var member in item.EnumerateObject())
        {
            var value = member.Value;
            if (member.NameEquals("specversion"u8)) d.SpecVersion = value.ValueKind == JsonValueKind.String && value.ValueEquals("1.0"u8) ? "1.0" : d.String(value, "specversion");
            else if (member.NameEquals("id"u8)) d.Id = d.String(value, "id");
            else if (member.NameEquals("source"u8)) d.Source = d.String(value, "source");
            else if (member.NameEquals("type"u8)) d.Type = d.String(value, "type");
            else if (member.NameEquals("time"u8)) d.Time = d.String(value, "time");
            else if (member.NameEquals("data"u8)) d.Data = value;
            else if (member.NameEquals("subject"u8)) d.Subject = d.String(value, "subject");
            else if (member.NameEquals("datacontenttype"u8)) d.DataContentType = d.String(value, "datacontenttype");
            else if (member.NameEquals("dataschema"u8)) d.DataSchema = d.String(value, "dataschema");
            else if (member.NameEquals("data_base64"u8)) d.DataBase64 = d.String(value, "data_base64");
            else
            {
                var name = member.Name;
                d.Extension(name, name, value);
            }
        }
        return d;
    }
}
