using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>mastery.improved</c>: a learner's level in a skill went up.</summary>
[EventType("mastery.improved", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MasteryImproved(string UserId, string Skill, double PreviousLevel, double NewLevel);
