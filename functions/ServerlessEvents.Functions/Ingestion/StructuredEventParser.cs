using System.Text.Json;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Reads a CloudEvents JSON (structured mode) object: context attributes, extensions, data or data_base64.</summary>
internal static class StructuredEventParser
{
    public static EventDraft Read(JsonElement item)
    {
        var d = new EventDraft(EnvelopeFields.CloudEvent, isCloudEvent: true);
        foreach (var member in item.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "specversion": d.SpecVersion = d.String(value, "specversion"); break;
                case "id": d.Id = d.String(value, "id"); break;
                case "source": d.Source = d.String(value, "source"); break;
                case "type": d.Type = d.String(value, "type"); break;
                case "subject": d.Subject = d.String(value, "subject"); break;
                case "time": d.Time = d.String(value, "time"); break;
                case "datacontenttype": d.DataContentType = d.String(value, "datacontenttype"); break;
                case "dataschema": d.DataSchema = d.String(value, "dataschema"); break;
                case "data": d.Data = value; break;
                case "data_base64": d.DataBase64 = d.String(value, "data_base64"); break;
                default: d.Extension(member.Name, member.Name, value); break;
            }
        }
        return d;
    }
}
