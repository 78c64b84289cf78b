using System.Text.Json;
using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Reads the simple envelope <c>{type, data, id?, source?, subject?, time?, userId?, correlationId?, metadata?}</c>.
/// <c>userId</c> becomes the <c>userid</c> extension and <c>correlationId</c> the <c>correlationid</c> extension (both
/// strings). <c>metadata</c> must be an object and becomes the string extension <c>metadata</c> holding the object's
/// compact JSON text (CloudEvents extensions cannot hold objects). Other members are refused, so typos surface.
/// </summary>
internal static class SimpleEnvelopeParser
{
    public static EventDraft Read(JsonElement item)
    {
        var d = new EventDraft(EnvelopeFields.Simple, isCloudEvent: false);
        foreach (var member in item.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "type": d.Type = d.String(value, "type"); break;
                case "data": d.Data = value; break;
                case "id": d.Id = d.String(value, "id"); break;
                case "source": d.Source = d.String(value, "source"); break;
                case "subject": d.Subject = d.String(value, "subject"); break;
                case "time": d.Time = d.String(value, "time"); break;
                case "userId": StringExtension(d, "userid", "userId", value); break;
                case "correlationId": StringExtension(d, "correlationid", "correlationId", value); break;
                case "metadata": Metadata(d, value); break;
                default:
                    d.Errors.Structure(member.Name, "is not a member of the simple envelope (type, data, id, source, subject, time, userId, correlationId, metadata)");
                    break;
            }
        }
        return d;
    }

    private static void StringExtension(EventDraft d, string name, string field, JsonElement value)
    {
        if (d.String(value, field) is not null)
        {
            d.Extension(name, field, value);
        }
    }

    private static void Metadata(EventDraft d, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            d.Errors.Structure("metadata", "must be an object, not " + Catalog.JsonKinds.Describe(value.ValueKind));
            return;
        }
        d.Extension("metadata", "metadata", JsonSerializer.SerializeToElement(CompactJson.ToString(value)));
    }
}
