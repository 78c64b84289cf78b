using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace ServerlessEvents.Storage;

/// <summary>
/// Extracts the error code (x-ms-error-code header, else <c>odata.error.code</c> JSON, else the XML
/// <c>&lt;Code&gt;</c>) and message from a failed Table or Queue response.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue(StorageConstants.ErrorCodeHeader, out var code);
        string? message = null;
        try
        {
            var body = response.Content;
            if (body is not null && body.ToMemory().Length > 0)
            {
                (var bodyCode, message) = Parse(body.ToMemory().Span);
                code ??= bodyCode;
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            message = null;
        }
        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    /// <summary>Parses an <c>odata.error</c> JSON body or a storage XML error body.</summary>
    internal static (string? Code, string? Message) Parse(ReadOnlySpan<byte> body)
    {
        var first = body.TrimStart(" \r\n\t\uFEFF"u8);
        if (first.Length == 0) return (null, null);
        if (first[0] == (byte)'{')
        {
            var reader = new Utf8JsonReader(first);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (!doc.RootElement.TryGetProperty("odata.error", out var err)) return (null, null);
            string? code = err.TryGetProperty("code", out var c) ? c.GetString() : null;
            string? msg = err.TryGetProperty("message", out var m)
                ? (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString())
                : null;
            return (code, msg);
        }
        if (first[0] == (byte)'<')
        {
            var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(first));
            return (xml.Root?.Element("Code")?.Value, xml.Root?.Element("Message")?.Value);
        }
        return (null, null);
    }
}
