using System.Globalization;
using NCrontab;

namespace ServerlessEvents.FunctionsHost.Timers;

/// <summary>A timerTrigger schedule: an NCRONTAB expression (6 fields with seconds, or 5) or a TimeSpan interval, in UTC.</summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses a schedule; throws <see cref="FormatException"/> naming it when it is neither form.</summary>
    public static TimerSchedule Parse(string expression)
    {
        var text = expression.Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6)
        {
            var cron = CrontabSchedule.TryParse(text, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
            if (cron is not null) return new TimerSchedule(text, cron, TimeSpan.Zero);
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(text, null, interval);
        }
        throw new FormatException($"'{expression}' is neither an NCRONTAB expression nor a positive TimeSpan.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTime Next(DateTime after) =>
        _cron is not null ? _cron.GetNextOccurrence(after) : after + _interval;
}
