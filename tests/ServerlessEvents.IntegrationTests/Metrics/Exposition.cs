using System.Globalization;

namespace ServerlessEvents.IntegrationTests.Metrics;

/// <summary>Reads sample values out of a Prometheus text exposition.</summary>
internal sealed class Exposition(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the sample whose name-and-labels part is exactly <paramref name="series"/>, or null.</summary>
    public double? Value(string series)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    public static async Task<Exposition> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/metrics");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return new Exposition(await response.Content.ReadAsStringAsync());
    }
}
