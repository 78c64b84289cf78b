using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Turns a draft into a result: checks required attributes (missing → 400), fills defaults for the simple and
/// legacy envelopes (generated id, default source), generates a missing time, checks attribute values and
/// data against the catalog (→ 422), and builds the <see cref="CanonicalEvent"/> when nothing is wrong.
/// </summary>
internal sealed class EventFinisher(EventTypeCatalog catalog, IEventIdGenerator ids, TimeProvider time, string defaultSource)
{
    public IncomingEventResult Finish(int index, EventDraft d)
    {
        var f = d.Fields;
        var e = d.Errors;
        if (d.IsCloudEvent)
        {
            Require(d, d.SpecVersion, d.Fields == EnvelopeFields.Binary ? "ce-specversion" : "specversion");
            Require(d, d.Id, f.Id);
            Require(d, d.Source, f.Source);
        }
        Require(d, d.Type, f.Type);
        if (d.Data is not null && d.DataBase64 is not null)
        {
            e.Structure(f.DataBase64, $"must not be sent together with {f.Data}");
        }
        else if (d.DataBase64 is { } base64 && d.Fields != EnvelopeFields.Binary && !IsBase64(base64))
        {
            e.Structure(f.DataBase64, "is not valid base64");
        }
        AttributeRules.Check(d);
        var unknownType = false;
        if (d.Type is { Length: > 0 } type && !e.Structural)
        {
            unknownType = !catalog.TryGet(type, out _);
        }
        if (e.Structural)
        {
            return new IncomingEventResult(index, null, e.List, e.Status);
        }
        var idGenerated = d.Id is null;
        var timeGenerated = d.Time is null;
        var canonical = new CanonicalEvent
        {
            Id = d.Id ?? ids.NewId(),
            Source = d.Source ?? defaultSource,
            Type = d.Type!,
            Subject = d.Subject,
            Time = d.Time ?? Rfc3339.Format(time.GetUtcNow()),
            DataContentType = d.DataContentType ?? (d.Data is not null && !d.IsCloudEvent ? "application/json" : null),
            DataSchema = d.DataSchema,
            Data = d.Data,
            DataBase64 = d.DataBase64,
            Extensions = d.Extensions ?? CanonicalEventDefaults.NoExtensions,
            IdGenerated = idGenerated,
            TimeGenerated = timeGenerated,
        };
        if (canonical.Type.Length > 0)
        {
            e.Semantic(catalog.Validate(canonical));
        }
        return e.Any
            ? new IncomingEventResult(index, null, e.List, e.Status, unknownType)
            : new IncomingEventResult(index, canonical, [], 200);
    }

    private static void Require(EventDraft d, string? value, string field)
    {
        if (value is null && !d.Errors.List.Any(x => x.Field == field))
        {
            d.Errors.Structure(field, "is required");
        }
    }

    private static bool IsBase64(string text) => System.Buffers.Text.Base64.IsValid(text);
}
