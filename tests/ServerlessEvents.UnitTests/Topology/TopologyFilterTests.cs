using System.Text;
using ServerlessEvents.Emulators.Topology;

namespace ServerlessEvents.UnitTests.Topology;

public sealed class TopologyFilterTests
{
    private static ReadOnlyMemory<byte> Event(string json) => Encoding.UTF8.GetBytes(json);

    private static readonly ReadOnlyMemory<byte> Order = Event(
        """{"specversion":"1.0","id":"1","source":"/shop","type":"order.created","subject":"tenants/t1/orders/9","data":{"kind":"Express","total":120.5,"gift":true,"tags":["a","vip"],"note":null}}""");

    private static TopologyFilter Parse(string filterJson) =>
        TopologyReader.Parse($$"""{"deadLetterContainerName":"dl","handlers":[{"functionName":"f","filter":{{filterJson}}}]}""").Handlers[0].Filter;

    [Fact]
    public void An_empty_filter_matches_every_event() =>
        Assert.True(Parse("{}").Matches("anything.at.all", null, Order));

    [Theory]
    [InlineData("order.created", true)]
    [InlineData("ORDER.CREATED", true)]
    [InlineData("order.cancelled", false)]
    public void Included_event_types_match_case_insensitively(string type, bool expected) =>
        Assert.Equal(expected, Parse("""{"includedEventTypes":["order.created","user.created"]}""").Matches(type, null, Order));

    [Theory]
    [InlineData("tenants/t1/orders/9", true)]
    [InlineData("TENANTS/T1/orders/9", true)]
    [InlineData("tenants/t2/orders/9", false)]
    [InlineData(null, false)]
    public void Subject_prefix_is_case_insensitive_by_default(string? subject, bool expected) =>
        Assert.Equal(expected, Parse("""{"subjectBeginsWith":"tenants/t1/"}""").Matches("order.created", subject, Order));

    [Fact]
    public void Case_sensitive_subject_filters_respect_case()
    {
        var filter = Parse("""{"subjectEndsWith":"/Orders/9","isSubjectCaseSensitive":true}""");
        Assert.False(filter.Matches("order.created", "tenants/t1/orders/9", Order));
        Assert.True(filter.Matches("order.created", "tenants/t1/Orders/9", Order));
    }

    [Theory]
    [InlineData("""{"operatorType":"StringIn","key":"data.kind","values":["express","standard"]}""", true)]
    [InlineData("""{"operatorType":"StringIn","key":"data.kind","values":["standard"]}""", false)]
    [InlineData("""{"operatorType":"StringNotIn","key":"data.kind","values":["standard"]}""", true)]
    [InlineData("""{"operatorType":"StringBeginsWith","key":"source","values":["/sh"]}""", true)]
    [InlineData("""{"operatorType":"StringContains","key":"subject","values":["orders"]}""", true)]
    [InlineData("""{"operatorType":"NumberGreaterThan","key":"data.total","value":100}""", true)]
    [InlineData("""{"operatorType":"NumberLessThanOrEquals","key":"data.total","value":100}""", false)]
    [InlineData("""{"operatorType":"NumberInRange","key":"data.total","values":[[100,200]]}""", true)]
    [InlineData("""{"operatorType":"BoolEquals","key":"data.gift","value":true}""", true)]
    [InlineData("""{"operatorType":"BoolEquals","key":"data.gift","value":false}""", false)]
    [InlineData("""{"operatorType":"IsNullOrUndefined","key":"data.note"}""", true)]
    [InlineData("""{"operatorType":"IsNullOrUndefined","key":"data.missing"}""", true)]
    [InlineData("""{"operatorType":"IsNotNull","key":"data.kind"}""", true)]
    [InlineData("""{"operatorType":"StringIn","key":"data.missing","values":["x"]}""", false)]
    [InlineData("""{"operatorType":"StringNotIn","key":"data.missing","values":["x"]}""", true)]
    [InlineData("""{"operatorType":"StringIn","key":"data.tags","values":["vip"]}""", false)]
    public void Advanced_filters_follow_event_grid_semantics(string advancedFilter, bool expected) =>
        Assert.Equal(expected, Parse($$"""{"advancedFilters":[{{advancedFilter}}]}""").Matches("order.created", null, Order));

    [Fact]
    public void Array_values_match_any_element_only_when_array_filtering_is_on() =>
        Assert.True(Parse("""{"enableAdvancedFilteringOnArrays":true,"advancedFilters":[{"operatorType":"StringIn","key":"data.tags","values":["VIP"]}]}""")
            .Matches("order.created", null, Order));

    [Fact]
    public void All_criteria_must_hold_together()
    {
        var filter = Parse("""{"includedEventTypes":["order.created"],"subjectBeginsWith":"tenants/t1","advancedFilters":[{"operatorType":"StringIn","key":"data.kind","values":["Express"]}]}""");
        Assert.True(filter.Matches("order.created", "tenants/t1/orders/9", Order));
        Assert.False(filter.Matches("order.shipped", "tenants/t1/orders/9", Order));
        Assert.False(filter.Matches("order.created", "tenants/t2/orders/9", Order));
    }

    [Theory]
    [InlineData("""{"deadLetterContainerName":"dl","handlers":[{"functionName":"f","filter":{"advancedFilters":[{"operatorType":"StringLike","key":"k","values":[]}]}}]}""", "unknown advanced filter operator")]
    [InlineData("""{"deadLetterContainerName":"dl","handlers":[{"functionName":"f","retryPolicy":{"maxDeliveryAttempts":31,"eventTimeToLiveInMinutes":10}}]}""", "maxDeliveryAttempts")]
    [InlineData("""{"deadLetterContainerName":"dl","handlers":[{"functionName":"f"},{"functionName":"F"}]}""", "more than once")]
    [InlineData("""{"deadLetterContainerName":"dl","handlers":[{"functionName":"f","filter":{"includedEventTypes":[]}}]}""", "includedEventTypes")]
    [InlineData("""{"handlers":[{"functionName":"f"}]}""", "deadLetterContainerName")]
    public void Invalid_topologies_are_rejected_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => TopologyReader.Parse(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
