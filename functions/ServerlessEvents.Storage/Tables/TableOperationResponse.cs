using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace ServerlessEvents.Storage.Tables;

/// <summary>The response to one operation of a transaction (status, headers such as ETag, body).</summary>
internal sealed class TableOperationResponse(int status, string reasonPhrase, Dictionary<string, string> headers, BinaryData content) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    public override Stream? ContentStream { get; set; } = content.ToStream();

    public override string ClientRequestId { get; set; } = headers.GetValueOrDefault("x-ms-client-request-id", "");

    public override BinaryData Content => content;

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = headers.TryGetValue(name, out var value);
        values = found ? [value!] : null;
        return found;
    }

    internal bool TryGetHeaderValue(string name, out string? value) => headers.TryGetValue(name, out value);
}
