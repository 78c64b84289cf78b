using ServerlessEvents.Functions.Metrics;

namespace ServerlessEvents.UnitTests.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed()
    {
        Assert.Equal("a\\\\b\\\"c\\nd", PrometheusText.EscapeLabelValue("a\\b\"c\nd"));
    }

    [Fact]
    public void Every_family_has_help_and_type_even_without_series()
    {
        var text = PrometheusText.Write([]);

        foreach (var family in MetricFamilies.All)
        {
            Assert.Contains($"# HELP {family.Name} ", text, StringComparison.Ordinal);
            Assert.Contains($"# TYPE {family.Name} {family.Type}\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Series_render_with_the_tenant_label_first_and_invariant_numbers()
    {
        var text = PrometheusText.Write(
        [
            new CounterSeries("acme", "serverlessevents_publish_lag_seconds_sum", [], 1.5),
            new CounterSeries("acme", "serverlessevents_events_rejected_total", [KeyValuePair.Create("reason", "too_large")], 2),
        ]);

        Assert.Contains("serverlessevents_publish_lag_seconds_sum{tenant=\"acme\"} 1.5\n", text, StringComparison.Ordinal);
        Assert.Contains("serverlessevents_events_rejected_total{tenant=\"acme\",reason=\"too_large\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_families_end_in_total_and_summaries_own_sum_and_count()
    {
        Assert.All(MetricFamilies.All.Where(f => f.Type == "counter"), f => Assert.EndsWith("_total", f.Name, StringComparison.Ordinal));
        Assert.Equal(["serverlessevents_publish_lag_seconds_sum", "serverlessevents_publish_lag_seconds_count"], MetricFamilies.PublishLag.Samples);
    }
}
