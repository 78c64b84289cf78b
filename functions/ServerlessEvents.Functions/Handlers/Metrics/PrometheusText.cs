using System.Globalization;
using System.Text;

namespace ServerlessEvents.Functions.Metrics;

/// <summary>Writes series in the Prometheus text exposition format 0.0.4.</summary>
public static class PrometheusText
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Every family with its HELP and TYPE lines, then its series sorted by tenant and labels.</summary>
    public static string Write(IReadOnlyList<CounterSeries> series)
    {
        var text = new StringBuilder();
        foreach (var family in MetricFamilies.All)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples)
            {
                var lines = series.Where(s => s.Metric == sample)
                    .Select(s => (Labels: LabelText([KeyValuePair.Create("tenant", s.Tenant), .. s.Labels]), s.Value))
                    .OrderBy(l => l.Labels, StringComparer.Ordinal);
                foreach (var (labels, value) in lines)
                {
                    text.Append(sample).Append(labels).Append(' ').Append(Number(value)).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    /// <summary>A label value escaped as the format requires: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string LabelText(IEnumerable<KeyValuePair<string, string>> labels) =>
        "{" + string.Join(",", labels.Select(l => l.Key + "=\"" + EscapeLabelValue(l.Value) + "\"")) + "}";

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
