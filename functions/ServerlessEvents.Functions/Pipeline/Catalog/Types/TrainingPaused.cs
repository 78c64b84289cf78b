using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>training.paused</c>: a training run was paused.</summary>
[EventType("training.paused", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TrainingPaused(string TrainingId, string Reason, [property: Range(0.0, 1.0)] double? Progress = null);
