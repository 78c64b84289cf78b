using System.Text.Json;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Reads a CloudEvents HTTP binary-mode event: attributes from <c>ce-*</c> headers (percent-decoded), other
/// <c>ce-*</c> headers as string extensions, Content-Type as datacontenttype, the body as data: parsed JSON when
/// the content type is JSON (application/json, text/json, *+json), otherwise <c>data_base64</c>.
/// <para>With no Content-Type at all (the CloudEvents SDKs send none when <c>datacontenttype</c> is unset) a body
/// that parses as JSON is JSON data, as the JSON event format's default media type (<c>application/json</c>) implies;
/// datacontenttype stays absent. A body that does not parse is kept as bytes (<c>data_base64</c>).</para>
/// </summary>
internal static class BinaryModeParser
{
    public static bool IsBinaryMode(IHeaderDictionary headers) =>
        headers.ContainsKey("ce-specversion") || headers.ContainsKey("ce-id") || headers.ContainsKey("ce-source") || headers.ContainsKey("ce-type");

    public static EventDraft Read(string? contentType, bool jsonContent, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var d = new EventDraft(EnvelopeFields.Binary, isCloudEvent: true) { DataContentType = contentType };
        foreach (var (header, values) in headers)
        {
            if (!header.StartsWith("ce-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var field = header.ToLowerInvariant();
            if (values.Count != 1)
            {
                d.Errors.Structure(field, "must appear exactly once");
                continue;
            }
            var value = Uri.UnescapeDataString(values[0] ?? string.Empty);
            switch (field)
            {
                case "ce-specversion": d.SpecVersion = value; break;
                case "ce-id": d.Id = value; break;
                case "ce-source": d.Source = value; break;
                case "ce-type": d.Type = value; break;
                case "ce-subject": d.Subject = value; break;
                case "ce-time": d.Time = value; break;
                case "ce-dataschema": d.DataSchema = value; break;
                case "ce-datacontenttype" or "ce-data" or "ce-data_base64":
                    d.Errors.Structure(field, "is not allowed in binary mode: the body is the data and Content-Type its type");
                    break;
                default: d.Extension(field[3..], field, JsonSerializer.SerializeToElement(value)); break;
            }
        }
        if (JsonBody.IsBlank(body))
        {
            return d;
        }
        if (jsonContent)
        {
            d.Data = JsonBody.Parse(body, "body");
        }
        else if (contentType is null && JsonBody.TryParse(body) is { } untyped)
        {
            d.Data = untyped;
        }
        else
        {
            d.DataBase64 = Convert.ToBase64String(body);
        }
        return d;
    }
}
