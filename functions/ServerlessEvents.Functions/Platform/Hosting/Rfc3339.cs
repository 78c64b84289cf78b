namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// Strict RFC 3339 date-time checks (<c>2024-05-01T12:00:00.123Z</c>, <c>...+02:00</c>): full date, 'T', full time,
/// optional fraction and a mandatory offset; every field in range (month 1-12, real day of month, hour 0-23...).
/// </summary>
public static class Rfc3339
{
    /// <summary>Whether <paramref name="text"/> is an RFC 3339 date-time.</summary>
    public static bool IsDateTime(ReadOnlySpan<char> text)
    {
        if (text.Length < 20 || !IsDate(text[..10]) || (text[10] is not ('T' or 't')))
        {
            return false;
        }
        var time = text[11..];
        if (!Two(time, 0, 23, out _) || time[2] != ':' || !Two(time[3..], 0, 59, out _) || time[5] != ':' || !Two(time[6..], 0, 59, out _))
        {
            return false;
        }
        var rest = time[8..];
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }
            if (digits == 1)
            {
                return false;
            }
            rest = rest[digits..];
        }
        if (rest.Length == 1)
        {
            return rest[0] is 'Z' or 'z';
        }
        return rest.Length == 6 && rest[0] is '+' or '-' && Two(rest[1..], 0, 23, out _) && rest[3] == ':' && Two(rest[4..], 0, 59, out _);
    }

    /// <summary>
    /// Parses an RFC 3339 date-time with its offset (the rule <see cref="IsDateTime"/> checks) into an instant; false for
    /// anything else: a bare date, a time without an offset, or an instant outside the range .NET can represent
    /// (offsets beyond ±14:00, years 0001/9999 pushed out of range by their offset). Fractions beyond 100 ns are truncated.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTimeOffset instant)
    {
        instant = default;
        if (!IsDateTime(text))
        {
            return false;
        }
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var year = int.Parse(text[..4], provider: invariant);
        var month = int.Parse(text[5..7], provider: invariant);
        var day = int.Parse(text[8..10], provider: invariant);
        var hour = int.Parse(text[11..13], provider: invariant);
        var minute = int.Parse(text[14..16], provider: invariant);
        var second = int.Parse(text[17..19], provider: invariant);
        var rest = text[19..];
        long ticks = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            long scale = TimeSpan.TicksPerSecond;
            while (char.IsAsciiDigit(rest[digits]))
            {
                if (scale > 1)
                {
                    scale /= 10;
                    ticks += (rest[digits] - '0') * scale;
                }
                digits++;
            }
            rest = rest[digits..];
        }
        var offset = TimeSpan.Zero;
        if (rest.Length == 6)
        {
            offset = new TimeSpan(int.Parse(rest[1..3], provider: invariant), int.Parse(rest[4..6], provider: invariant), 0);
            offset = rest[0] == '-' ? -offset : offset;
        }
        if (offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + ticks;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        instant = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is an RFC 3339 full-date (<c>2024-05-01</c>).</summary>
    public static bool IsDate(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }
        foreach (var c in text[..4])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        var year = int.Parse(text[..4], provider: System.Globalization.CultureInfo.InvariantCulture);
        return year >= 1 && Two(text[5..], 1, 12, out var month) && Two(text[8..], 1, DateTime.DaysInMonth(year, month), out _);
    }

    /// <summary>Formats an instant as RFC 3339 UTC with 'Z' and 7 fractional digits.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Two(ReadOnlySpan<char> text, int min, int max, out int value)
    {
        value = 0;
        if (text.Length < 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
        {
            return false;
        }
        value = ((text[0] - '0') * 10) + (text[1] - '0');
        return value >= min && value <= max;
    }
}
