namespace ServerlessEvents.Functions.Metrics;

/// <summary>A metric family as exposed: name, Prometheus type, help text, and the sample names it owns.</summary>
public sealed record MetricFamily(string Name, string Type, string Help)
{
    /// <summary>The sample names of the family (a summary owns <c>_sum</c> and <c>_count</c>).</summary>
    public IReadOnlyList<string> Samples => Type == "summary" ? [Name + "_sum", Name + "_count"] : [Name];
}
