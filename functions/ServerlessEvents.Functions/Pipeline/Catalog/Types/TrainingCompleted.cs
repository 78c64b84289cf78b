using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>training.completed</c>: a training run finished.</summary>
[EventType("training.completed", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TrainingCompleted(
    string TrainingId,
    string ModelName,
    [property: Range(0.0, 1.0)] double? Accuracy = null,
    [property: Range(0, int.MaxValue)] int? DurationSeconds = null);
