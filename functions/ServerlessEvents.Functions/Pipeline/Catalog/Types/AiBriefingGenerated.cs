using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>ai.briefing_generated</c>: an AI briefing is ready to read.</summary>
[EventType("ai.briefing_generated", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AiBriefingGenerated(
    string BriefingId,
    string Title,
    string Summary,
    string? Model = null,
    [property: Range(0, int.MaxValue)] int? TokenCount = null);
