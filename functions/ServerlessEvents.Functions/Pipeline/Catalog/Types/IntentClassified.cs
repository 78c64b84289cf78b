using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>intent.classified</c>: an intent was given a label.</summary>
[EventType("intent.classified", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IntentClassified(
    string IntentId,
    string Label,
    [property: Range(0.0, 1.0)] double Confidence,
    IReadOnlyList<string>? Alternatives = null);
