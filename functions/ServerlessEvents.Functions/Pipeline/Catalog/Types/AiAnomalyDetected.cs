using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>ai.anomaly_detected</c>: a metric behaved unusually.</summary>
[EventType("ai.anomaly_detected", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AiAnomalyDetected(
    string AnomalyId,
    string Metric,
    AnomalySeverity Severity,
    string Description,
    DateTimeOffset? DetectedAt = null);
