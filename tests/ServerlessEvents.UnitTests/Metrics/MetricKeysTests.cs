using ServerlessEvents.Functions.Metrics;

namespace ServerlessEvents.UnitTests.Metrics;

public sealed class MetricKeysTests
{
    [Fact]
    public void Keys_never_contain_characters_table_storage_forbids()
    {
        var increment = CounterIncrement.One("m_total", ("type", "a/b\\c#d?e"));
        foreach (var key in new[] { MetricKeys.CounterRow(increment), MetricKeys.MarkerRow("delivered|x/y#z?"), MetricKeys.Partition("acme", 3) })
        {
            Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        }
    }

    [Fact]
    public void Different_labels_are_different_rows_and_same_labels_the_same_row()
    {
        var a = MetricKeys.CounterRow(CounterIncrement.One("m_total", ("type", "x")));
        Assert.Equal(a, MetricKeys.CounterRow(CounterIncrement.One("m_total", ("type", "x"))));
        Assert.NotEqual(a, MetricKeys.CounterRow(CounterIncrement.One("m_total", ("type", "y"))));
    }

    [Fact]
    public void A_marker_always_maps_to_the_same_shard_within_range()
    {
        var shards = Enumerable.Range(0, 200).Select(i => MetricKeys.ShardOf("marker-" + i, 8)).ToArray();
        Assert.All(shards, s => Assert.InRange(s, 0, 7));
        Assert.Equal(MetricKeys.ShardOf("marker-1", 8), MetricKeys.ShardOf("marker-1", 8));
        Assert.True(shards.Distinct().Count() > 1, "markers should spread over shards");
    }
}
