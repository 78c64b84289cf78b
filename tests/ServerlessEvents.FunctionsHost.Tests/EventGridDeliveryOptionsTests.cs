using ServerlessEvents.FunctionsHost.EventGrid;

namespace ServerlessEvents.FunctionsHost.Tests;

public sealed class EventGridDeliveryOptionsTests
{
    [Fact]
    public void The_default_schedule_is_Event_Grids_and_its_last_step_repeats()
    {
        var options = new EventGridDeliveryOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.DelayBeforeRetry(1));
        Assert.Equal(TimeSpan.FromSeconds(30), options.DelayBeforeRetry(2));
        Assert.Equal(TimeSpan.FromHours(6), options.DelayBeforeRetry(9));
        Assert.Equal(TimeSpan.FromHours(12), options.DelayBeforeRetry(10));
        Assert.Equal(TimeSpan.FromHours(12), options.DelayBeforeRetry(25));
        Assert.Equal(30, options.MaxDeliveryAttempts);
        Assert.Equal(TimeSpan.FromHours(24), options.EventTimeToLive);
        Assert.Equal([400, 403, 413], options.NonRetriedStatusCodes.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Attempts_outside_Event_Grids_range_are_refused(int attempts)
    {
        var options = new EventGridDeliveryOptions { MaxDeliveryAttempts = attempts };

        Assert.Contains("MaxDeliveryAttempts", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }
}
