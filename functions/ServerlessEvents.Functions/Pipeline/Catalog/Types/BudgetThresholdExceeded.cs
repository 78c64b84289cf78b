using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>budget.threshold_exceeded</c>: spending crossed a budget's alert threshold.</summary>
[EventType("budget.threshold_exceeded", "1.0")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BudgetThresholdExceeded(
    string BudgetId,
    decimal Limit,
    decimal Spent,
    [property: RegularExpression("^[A-Z]{3}$")] string Currency,
    [property: Range(0.0, 1000.0)] double ThresholdPercent);
