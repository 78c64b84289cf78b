using Microsoft.Net.Http.Headers;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>A parsed Content-Type: the media type (lower case) and whether its content is JSON. Only UTF-8 is accepted.</summary>
internal readonly record struct RequestContentType(string? MediaType, bool IsJson)
{
    public const string CloudEvent = "application/cloudevents+json";
    public const string CloudEventBatch = "application/cloudevents-batch+json";
    public const string Json = "application/json";

    /// <summary>Parses the header; an unparseable header or a charset other than UTF-8 is a 415.</summary>
    public static RequestContentType Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new RequestContentType(null, false);
        }
        if (!MediaTypeHeaderValue.TryParse(header, out var parsed) || parsed.MediaType.Value is not { } media)
        {
            throw Unsupported(header, "The Content-Type header cannot be parsed.");
        }
        var charset = parsed.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported(header, $"Only UTF-8 is accepted, not charset={charset}.");
        }
        media = media.ToLowerInvariant();
        var isJson = media is Json or "text/json" || media.EndsWith("+json", StringComparison.Ordinal);
        return new RequestContentType(media, isJson);
    }

    /// <summary>A 415 naming the Content-Type header.</summary>
    public static ApiProblemException Unsupported(string? header, string detail)
    {
        var problem = new ApiProblemException(415, "The content type is not supported.", detail,
            [new FieldError("Content-Type", $"'{header}' is not supported; send {CloudEvent}, {CloudEventBatch}, {Json}, or CloudEvents binary mode (ce-* headers)")]);
        problem.Extensions["supportedContentTypes"] = new[] { CloudEvent, CloudEventBatch, Json };
        return problem;
    }
}
