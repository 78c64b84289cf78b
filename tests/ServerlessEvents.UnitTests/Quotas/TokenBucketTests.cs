using ServerlessEvents.Functions.Quotas;

namespace ServerlessEvents.UnitTests.Quotas;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Starts_full_and_refuses_without_taking_when_short()
    {
        var bucket = new TokenBucket(rate: 2, capacity: 10, T0);

        Assert.True(bucket.TryTake(8, T0, out _));
        Assert.False(bucket.TryTake(3, T0, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        Assert.True(bucket.TryTake(2, T0, out _));
        Assert.False(bucket.TryTake(1, T0, out _));
    }

    [Fact]
    public void Refills_at_the_rate_up_to_the_capacity()
    {
        var bucket = new TokenBucket(rate: 2, capacity: 10, T0);
        Assert.True(bucket.TryTake(10, T0, out _));

        Assert.False(bucket.TryTake(3, T0.AddSeconds(1), out _));
        Assert.True(bucket.TryTake(4, T0.AddSeconds(2), out _));
        Assert.True(bucket.TryTake(10, T0.AddHours(1), out _));
        Assert.False(bucket.TryTake(1, T0.AddHours(1), out _));
    }

    [Fact]
    public void A_clock_going_backwards_adds_nothing()
    {
        var bucket = new TokenBucket(rate: 1, capacity: 5, T0);
        Assert.True(bucket.TryTake(5, T0, out _));

        Assert.False(bucket.TryTake(1, T0.AddSeconds(-30), out _));
        Assert.False(bucket.TryTake(1, T0.AddSeconds(0.5), out _));
        Assert.True(bucket.TryTake(1, T0.AddSeconds(1), out _));
    }

    [Fact]
    public void Reconfiguring_to_a_smaller_size_drops_the_extra_tokens()
    {
        var bucket = new TokenBucket(rate: 1, capacity: 100, T0);

        bucket.Reconfigure(rate: 1, capacity: 3, T0);

        Assert.False(bucket.TryTake(4, T0, out _));
        Assert.True(bucket.TryTake(3, T0, out _));
        Assert.False(bucket.TryTake(1, T0, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }
}
