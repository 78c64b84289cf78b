using ServerlessEvents.FunctionsHost.Timers;

namespace ServerlessEvents.FunctionsHost.Tests;

public sealed class TimerScheduleTests
{
    private static readonly DateTime Noon = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("*/15 * * * * *", "2026-12-02T12:00:15")] // six fields: seconds first
    [InlineData("0 5 * * * *", "2026-12-02T12:05:00")]
    [InlineData("30 * * * *", "2026-12-02T12:30:00")] // five fields: minutes first
    [InlineData("00:10:00", "2026-12-02T12:10:00")] // a TimeSpan interval
    public void The_next_occurrence_follows_the_expression(string expression, string expected)
    {
        var next = TimerSchedule.Parse(expression).Next(Noon);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("every minute")]
    [InlineData("* * *")]
    [InlineData("-00:00:01")]
    public void An_expression_that_is_neither_form_is_refused_by_name(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
    }
}
