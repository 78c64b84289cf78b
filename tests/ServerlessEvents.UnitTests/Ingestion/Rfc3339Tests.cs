using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Ingestion;

public class Rfc3339Tests
{
    [Theory]
    [InlineData("2024-05-01T12:00:00Z")]
    [InlineData("2024-05-01t12:00:00z")]
    [InlineData("2024-02-29T23:59:59.123456789+05:30")]
    [InlineData("1999-12-31T00:00:00-00:00")]
    public void Accepts_rfc3339_date_times(string text) => Assert.True(Rfc3339.IsDateTime(text));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T12:60:00Z")]
    [InlineData("2024-05-01T12:00:00")]
    [InlineData("2024-05-01 12:00:00Z")]
    [InlineData("2024-05-01T12:00:00.Z")]
    [InlineData("2024-05-01T12:00:00+0200")]
    [InlineData("2024-05-01T12:00:00+24:00")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("")]
    public void Refuses_everything_else(string text) => Assert.False(Rfc3339.IsDateTime(text));

    [Fact]
    public void Formats_utc_with_z_and_seven_fraction_digits()
    {
        var text = Rfc3339.Format(new DateTimeOffset(2026, 1, 2, 5, 4, 5, 678, TimeSpan.FromHours(2)));
        Assert.Equal("2026-01-02T03:04:05.6780000Z", text);
        Assert.True(Rfc3339.IsDateTime(text));
    }

    [Theory]
    [InlineData("2026-01-31T12:00:00Z", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31t13:30:00+01:30", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31T07:00:00-05:00", "2026-01-31T12:00:00.0000000Z")]
    [InlineData("2026-01-31T12:00:00.123456789z", "2026-01-31T12:00:00.1234567Z")]
    [InlineData("2024-02-29T23:59:59.5+14:00", "2024-02-29T09:59:59.5000000Z")]
    [InlineData("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00.0000000Z")]
    public void Parses_a_date_time_with_an_offset_to_the_utc_instant(string text, string utc)
    {
        Assert.True(Rfc3339.TryParseDateTime(text, out var instant));

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(utc, Rfc3339.Format(instant));
    }

    [Theory]
    [InlineData("2026-01-31")]
    [InlineData("2026-01-31T12:00:00")]
    [InlineData("2026-01-31T12:00")]
    [InlineData("2026-01-31 12:00:00Z")]
    [InlineData("2026-01-31T12:00:00+15:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("Sat, 31 Jan 2026 12:00:00 GMT")]
    [InlineData("")]
    public void Parse_refuses_bare_dates_missing_offsets_and_unrepresentable_instants(string text) =>
        Assert.False(Rfc3339.TryParseDateTime(text, out _));
}
