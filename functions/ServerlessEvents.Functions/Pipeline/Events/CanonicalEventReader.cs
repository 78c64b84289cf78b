using System.Text.Json;

namespace ServerlessEvents.Functions.Events;

/// <summary>Reads stored CloudEvents JSON back into a <see cref="CanonicalEvent"/>.</summary>
internal static class CanonicalEventReader
{
    public static bool IsContextAttribute(string name) => name is "specversion" or "id" or "source" or "type" or "subject"
        or "time" or "datacontenttype" or "dataschema" or "data" or "data_base64";

    public static CanonicalEvent Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A stored event must be a JSON object.");
        }
        string? specVersion = null, id = null, source = null, type = null, subject = null, time = null;
        string? dataContentType = null, dataSchema = null, dataBase64 = null;
        JsonElement? data = null;
        Dictionary<string, JsonElement>? extensions = null;
        foreach (var member in root.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "specversion": specVersion = value.GetString(); break;
                case "id": id = value.GetString(); break;
                case "source": source = value.GetString(); break;
                case "type": type = value.GetString(); break;
                case "subject": subject = value.GetString(); break;
                case "time": time = value.GetString(); break;
                case "datacontenttype": dataContentType = value.GetString(); break;
                case "dataschema": dataSchema = value.GetString(); break;
                case "data": data = value; break;
                case "data_base64": dataBase64 = value.GetString(); break;
                default: (extensions ??= new(StringComparer.Ordinal))[member.Name] = value; break;
            }
        }
        return new CanonicalEvent
        {
            SpecVersion = specVersion ?? "1.0",
            Id = id ?? throw new JsonException("The stored event has no id."),
            Source = source ?? throw new JsonException("The stored event has no source."),
            Type = type ?? throw new JsonException("The stored event has no type."),
            Time = time ?? throw new JsonException("The stored event has no time."),
            Subject = subject,
            DataContentType = dataContentType,
            DataSchema = dataSchema,
            Data = data,
            DataBase64 = dataBase64,
            Extensions = extensions ?? CanonicalEventDefaults.NoExtensions,
        };
    }
}
