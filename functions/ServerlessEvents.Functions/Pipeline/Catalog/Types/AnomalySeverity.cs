namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary>How serious an anomaly is (<c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>).</summary>
public enum AnomalySeverity
{
    /// <summary>Informational.</summary>
    Low,
    /// <summary>Worth a look.</summary>
    Medium,
    /// <summary>Act soon.</summary>
    High,
    /// <summary>Act now.</summary>
    Critical,
}
