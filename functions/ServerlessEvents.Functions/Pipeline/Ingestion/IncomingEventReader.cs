using System.Text.Json;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// Turns an ingestion request into canonical events, one <see cref="IncomingEventResult"/> per event.
/// <para>Formats: CloudEvents structured (<c>application/cloudevents+json</c>), CloudEvents batch
/// (<c>application/cloudevents-batch+json</c>, an array), CloudEvents HTTP binary mode (any content type or none, with
/// <c>ce-specversion</c>/<c>ce-id</c>/<c>ce-source</c>/<c>ce-type</c> headers; single endpoint only), and
/// <c>application/json</c> whose objects are told apart by members: <c>specversion</c> → CloudEvent,
/// <c>event_type</c> → legacy envelope, <c>type</c> → simple envelope. Charset parameters other than UTF-8 are refused.</para>
/// <para>Status rule. Whole-request failures throw <see cref="ApiProblemException"/>: 415 for an unsupported content
/// type (or a batch type at the single endpoint and vice versa), 413 for a batch over
/// <see cref="EventReaderOptions.MaxBatchSize"/>, 400 for an empty body, unparseable JSON (line and position in
/// the error) or the wrong top-level kind (array at the single endpoint, object at the batch endpoint, empty batch).
/// Per item: <b>400 (structural)</b> when the item cannot be read as an event — not an object, an attribute of
/// the wrong JSON kind, a required attribute missing, an unknown envelope member, both data and data_base64,
/// data_base64 not base64, an extension valued object/array/null; <b>422 (semantic)</b> when it reads but a value
/// breaks a rule — specversion not 1.0, id/source/subject length or control characters, source not a
/// URI-reference, time not RFC 3339, a bad or reserved extension name, an unknown type, data failing the type's
/// schema. An item with any structural error is 400; otherwise any error makes it 422.</para>
/// <para>Simple and legacy envelopes get a generated id (<see cref="IEventIdGenerator"/>) and
/// <see cref="EventReaderOptions.DefaultSource"/> when they omit them; CloudEvents must carry id and source.
/// Any format without a time gets the current UTC time from the <see cref="TimeProvider"/> (RFC 3339, UTC, 'Z');
/// <see cref="CanonicalEvent.IdGenerated"/>/<see cref="CanonicalEvent.TimeGenerated"/> record what was generated.
/// Simple and legacy envelopes with data get datacontenttype <c>application/json</c>.</para>
/// <para>Events reference one private copy of the body's JSON; the caller's buffer can be reused afterwards.</para>
/// </summary>
public sealed class IncomingEventReader
{
    private readonly EventTypeCatalog _catalog;
    private readonly EventFinisher _finisher;
    private readonly int _maxBatch;

    /// <summary>Creates a reader.</summary>
    public IncomingEventReader(EventTypeCatalog catalog, IEventIdGenerator ids, TimeProvider time, IOptions<EventReaderOptions> options)
    {
        _catalog = catalog;
        _finisher = new EventFinisher(catalog, ids, time, options.Value.DefaultSource);
        _maxBatch = options.Value.MaxBatchSize;
    }

    /// <summary>Reads every event of a request; see the class summary for formats and statuses.</summary>
    /// <exception cref="ApiProblemException">The request as a whole cannot be read (400, 413, 415).</exception>
    public IReadOnlyList<IncomingEventResult> Read(string? contentType, IHeaderDictionary headers, ReadOnlySpan<byte> body, bool isBatchEndpoint)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var content = RequestContentType.Parse(contentType);
        // JSON must be UTF-8; only binary-mode data of a non-JSON content type may be arbitrary bytes.
        if ((content.IsJson || !BinaryModeParser.IsBinaryMode(headers)) && !System.Text.Unicode.Utf8.IsValid(body))
        {
            throw ApiProblemException.BadRequest("The request body is not valid UTF-8.", new FieldError("body", "is not valid UTF-8"));
        }
        if (content.MediaType is RequestContentType.CloudEvent)
        {
            return isBatchEndpoint
                ? throw RequestContentType.Unsupported(contentType, "The batch endpoint takes application/cloudevents-batch+json or a JSON array.")
                : [ReadItem(0, ParseBody(body, JsonValueKind.Object), cloudEventsOnly: true)];
        }
        if (content.MediaType is RequestContentType.CloudEventBatch)
        {
            return isBatchEndpoint
                ? ReadBatch(ParseBody(body, JsonValueKind.Array), cloudEventsOnly: true)
                : throw RequestContentType.Unsupported(contentType, "Send batches to the batch endpoint.");
        }
        if (BinaryModeParser.IsBinaryMode(headers))
        {
            if (isBatchEndpoint)
            {
                throw ApiProblemException.BadRequest("CloudEvents binary mode carries one event; send it to the single-event endpoint.",
                    new FieldError("ce-specversion", "binary mode is not accepted at the batch endpoint"));
            }
            return [_finisher.Finish(0, BinaryModeParser.Read(contentType, content.IsJson, headers, body))];
        }
        if (content.MediaType is RequestContentType.Json)
        {
            return isBatchEndpoint
                ? ReadBatch(ParseBody(body, JsonValueKind.Array), cloudEventsOnly: false)
                : [ReadItem(0, ParseBody(body, JsonValueKind.Object), cloudEventsOnly: false)];
        }
        throw RequestContentType.Unsupported(contentType, contentType is null ? "The Content-Type header is required." : "This content type is not accepted.");
    }

    /// <summary>
    /// Reads the request body into a pooled buffer and then <see cref="Read"/>s it; the buffer is returned before
    /// this completes, since events own a copy of their JSON.
    /// </summary>
    public async Task<IReadOnlyList<IncomingEventResult>> ReadAsync(HttpRequest request, bool isBatchEndpoint, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = await PooledBody.ReadAsync(request.Body, request.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false);
        return Read(request.ContentType, request.Headers, body.Span, isBatchEndpoint);
    }

    /// <summary>The problem to answer a single invalid event with (its status, errors and, for an unknown type, <c>knownTypes</c>).</summary>
    public ApiProblemException ToProblem(IncomingEventResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problem = result.Status == 400
            ? new ApiProblemException(400, "The request is malformed.", "The event cannot be read; see errors.", result.Errors)
            : ApiProblemException.Unprocessable("The event is invalid; see errors.", result.Errors);
        if (result.UnknownType)
        {
            problem.Extensions["knownTypes"] = _catalog.TypeNames;
        }
        return problem;
    }

    private IReadOnlyList<IncomingEventResult> ReadBatch(JsonElement array, bool cloudEventsOnly)
    {
        var count = array.GetArrayLength();
        if (count > _maxBatch)
        {
            throw new ApiProblemException(413, "The batch is too large.", $"A batch holds at most {_maxBatch} events; this one holds {count}. Split it.",
                [new FieldError("body", $"holds {count} events; the limit is {_maxBatch}")]);
        }
        if (count == 0)
        {
            throw ApiProblemException.BadRequest("The batch is empty.", new FieldError("body", "must hold at least one event"));
        }
        var results = new IncomingEventResult[count];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            results[index] = ReadItem(index, item, cloudEventsOnly);
            index++;
        }
        return results;
    }

    private IncomingEventResult ReadItem(int index, JsonElement item, bool cloudEventsOnly)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new IncomingEventResult(index, null, [new FieldError("event", "must be an object, not " + JsonKinds.Describe(item.ValueKind))], 400);
        }
        EventDraft draft;
        if (cloudEventsOnly || item.TryGetProperty("specversion", out _))
        {
            draft = StructuredEventParser.Read(item);
        }
        else if (item.TryGetProperty("event_type", out _))
        {
            draft = LegacyEnvelopeParser.Read(item);
        }
        else
        {
            draft = SimpleEnvelopeParser.Read(item);
        }
        return _finisher.Finish(index, draft);
    }

    private static JsonElement ParseBody(ReadOnlySpan<byte> body, JsonValueKind expected)
    {
        if (JsonBody.IsBlank(body))
        {
            throw ApiProblemException.BadRequest("The request body is empty.", new FieldError("body", "is empty; send an event"));
        }
        var root = JsonBody.Parse(body, "body");
        if (root.ValueKind != expected)
        {
            var want = expected == JsonValueKind.Array ? "an array of events (this is the batch endpoint)" : "one event object (send arrays to the batch endpoint)";
            throw ApiProblemException.BadRequest($"The body must be {want}.",
                new FieldError("body", $"must be {want}, not {JsonKinds.Describe(root.ValueKind)}"));
        }
        return root;
    }
}
