using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>training.started</c>: a model training run began.</summary>
[EventType("training.started", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TrainingStarted(
    string TrainingId,
    string ModelName,
    string? DatasetId = null,
    [property: Range(1, int.MaxValue)] int? Epochs = null);
