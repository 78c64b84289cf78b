using System.Text.Json;

namespace ServerlessEvents.Functions.Events;

/// <summary>
/// An event in its canonical form: a CloudEvents 1.0 event. Every accepted wire format normalises to it.
/// <see cref="Time"/> keeps the producer's text so what is stored reads back character for character;
/// <see cref="Data"/> keeps the producer's JSON text; extension attributes are kept intact.
/// </summary>
public sealed class CanonicalEvent
{
    /// <summary>The reserved extension that carries the tenant on published events.</summary>
    public const string TenantExtension = "tenantid";
    /// <summary>The reserved extension that marks a replayed delivery.</summary>
    public const string ReplayExtension = "replayid";
    /// <summary>The reserved extension that restricts a replay to one target: <c>handler:{function}</c> or <c>webhook:{subscriptionId}</c>.</summary>
    public const string ReplayTargetExtension = "replaytarget";

    /// <summary>CloudEvents <c>id</c>; unique per <see cref="Source"/>.</summary>
    public required string Id { get; init; }
    /// <summary>CloudEvents <c>source</c> (a URI-reference).</summary>
    public required string Source { get; init; }
    /// <summary>CloudEvents <c>type</c>, e.g. <c>order.created</c>.</summary>
    public required string Type { get; init; }
    /// <summary>CloudEvents <c>specversion</c>; always <c>1.0</c>.</summary>
    public string SpecVersion { get; init; } = "1.0";
    /// <summary>CloudEvents <c>subject</c>.</summary>
    public string? Subject { get; init; }
    /// <summary>CloudEvents <c>time</c> as RFC 3339 text, exactly as produced (generated when missing).</summary>
    public required string Time { get; init; }
    /// <summary>CloudEvents <c>datacontenttype</c>.</summary>
    public string? DataContentType { get; init; }
    /// <summary>CloudEvents <c>dataschema</c>.</summary>
    public string? DataSchema { get; init; }
    /// <summary>The <c>data</c> member as JSON, when the data is JSON.</summary>
    public JsonElement? Data { get; init; }
    /// <summary>The <c>data_base64</c> member, when the data is binary.</summary>
    public string? DataBase64 { get; init; }
    /// <summary>Extension attributes by name (lower case), values as posted.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; init; } = CanonicalEventDefaults.NoExtensions;

    /// <summary>True when <see cref="Id"/> was generated on ingestion because the producer sent none.</summary>
    public bool IdGenerated { get; init; }
    /// <summary>
    /// True when <see cref="Time"/> was generated on ingestion because the producer sent none; the content hash then
    /// leaves time out, so a retried event without a time is still a duplicate rather than a conflict.
    /// </summary>
    public bool TimeGenerated { get; init; }

    /// <summary>The <c>userid</c> extension, if any.</summary>
    public string? UserId => StringExtension("userid");
    /// <summary>The <c>correlationid</c> extension, if any.</summary>
    public string? CorrelationId => StringExtension("correlationid");

    /// <summary>A string-valued extension attribute, or null.</summary>
    public string? StringExtension(string name) =>
        Extensions.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
