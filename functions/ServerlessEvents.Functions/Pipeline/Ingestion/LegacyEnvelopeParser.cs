using System.Text.Json;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Reads the legacy envelope <c>{event_id, event_type, source, timestamp, version, payload}</c>: event_id → id,
/// event_type → type, source → source, timestamp → time, payload → data, and version (string or number) → the
/// string extension <c>dataversion</c>. Only event_type is required; other members are refused.
/// </summary>
internal static class LegacyEnvelopeParser
{
    public static EventDraft Read(JsonElement item)
    {
        var d = new EventDraft(EnvelopeFields.Legacy, isCloudEvent: false);
        foreach (var member in item.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "event_id": d.Id = d.String(value, "event_id"); break;
                case "event_type": d.Type = d.String(value, "event_type"); break;
                case "source": d.Source = d.String(value, "source"); break;
                case "timestamp": d.Time = d.String(value, "timestamp"); break;
                case "payload": d.Data = value; break;
                case "version" when value.ValueKind == JsonValueKind.String:
                    d.Extension("dataversion", "version", value);
                    break;
                case "version" when value.ValueKind == JsonValueKind.Number:
                    d.Extension("dataversion", "version", JsonSerializer.SerializeToElement(value.GetRawText()));
                    break;
                case "version":
                    d.Errors.Structure("version", "must be a string or a number, not " + Catalog.JsonKinds.Describe(value.ValueKind));
                    break;
                default:
                    d.Errors.Structure(member.Name, "is not a member of the legacy envelope (event_id, event_type, source, timestamp, version, payload)");
                    break;
            }
        }
        return d;
    }
}
