using ServerlessEvents.Functions.Consumers;

namespace ServerlessEvents.UnitTests.Operations;

public sealed class ConsumerCursorTests
{
    [Fact]
    public void Cursor_round_trips_the_consumer_and_position()
    {
        var position = FeedKeys.RowKey(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero), "abc");
        var cursor = ConsumerCursor.Encode("ledger", position);

        Assert.Equal(position, ConsumerCursor.Decode("ledger", cursor));
        Assert.Null(ConsumerCursor.Decode("other", cursor));
        Assert.DoesNotContain('=', cursor);
        Assert.DoesNotContain('+', cursor);
    }

    [Fact]
    public void The_start_position_is_a_valid_cursor()
    {
        Assert.Equal(FeedKeys.Start, ConsumerCursor.Decode("a", ConsumerCursor.Encode("a", FeedKeys.Start)));
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("")]
    [InlineData("djE6MTIz")]
    public void Garbage_and_other_tokens_are_not_cursors(string text)
    {
        Assert.Null(ConsumerCursor.Decode("a", text));
    }

    [Fact]
    public void A_cursor_with_a_non_numeric_position_is_refused()
    {
        Assert.Null(ConsumerCursor.Decode("a", ConsumerCursor.Encode("a", "zzzzzzzzzzzzzzzzzzzz|x")));
    }

    [Fact]
    public void Feed_row_keys_sort_by_stamp_and_decode_back()
    {
        var early = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var late = early.AddTicks(1);

        Assert.True(string.CompareOrdinal(FeedKeys.RowKey(early, "ff"), FeedKeys.RowKey(late, "00")) < 0);
        Assert.True(string.CompareOrdinal(FeedKeys.Start, FeedKeys.RowKey(early, "00")) < 0);
        Assert.Equal(late, FeedKeys.StampOf(FeedKeys.RowKey(late, "k")));
        Assert.Equal("2026010100", FeedKeys.Bucket(late));
    }

    [Theory]
    [InlineData("order.created", true)]
    [InlineData("order.shipped", true)]
    [InlineData("orderx.created", false)]
    [InlineData("user.created", true)]
    [InlineData("user.login", false)]
    public void Consumer_types_match_exactly_or_by_prefix(string type, bool wanted)
    {
        var consumer = new ConsumerDefinition("t", "c", ["order.*", "user.created"], "", DateTimeOffset.UnixEpoch);
        Assert.Equal(wanted, consumer.Wants(type));
    }

    [Fact]
    public void A_consumer_without_types_wants_everything()
    {
        Assert.True(new ConsumerDefinition("t", "c", [], "", DateTimeOffset.UnixEpoch).Wants("anything.at_all"));
    }
}
