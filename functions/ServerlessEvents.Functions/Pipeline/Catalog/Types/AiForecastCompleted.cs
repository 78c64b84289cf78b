using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>ai.forecast_completed</c>: a forecast run finished.</summary>
[EventType("ai.forecast_completed", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AiForecastCompleted(
    string ForecastId,
    string Metric,
    string Horizon,
    IReadOnlyList<ForecastPoint> Points,
    [property: Range(0.0, 1.0)] double? Confidence = null);
