namespace ServerlessEvents.Functions.Ingestion;

/// <summary>How a wire format names each attribute, so errors name the member or header the producer sent.</summary>
internal sealed record EnvelopeFields(
    string Id, string Source, string Type, string Subject, string Time, string DataSchema, string Data, string DataBase64)
{
    public static readonly EnvelopeFields CloudEvent = new("id", "source", "type", "subject", "time", "dataschema", "data", "data_base64");
    public static readonly EnvelopeFields Simple = new("id", "source", "type", "subject", "time", "dataschema", "data", "data_base64");
    public static readonly EnvelopeFields Legacy = new("event_id", "source", "event_type", "subject", "timestamp", "dataschema", "payload", "data_base64");
    public static readonly EnvelopeFields Binary = new("ce-id", "ce-source", "ce-type", "ce-subject", "ce-time", "ce-dataschema", "body", "body");
}
