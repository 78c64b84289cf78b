using ServerlessEvents.Functions.Ingestion;

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
}
