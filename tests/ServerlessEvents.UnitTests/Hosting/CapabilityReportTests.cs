using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

public sealed class CapabilityReportTests
{
    private static (CapabilityReport Report, RecordingLogger Log) Create(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var log = new RecordingLogger();
        return (new CapabilityReport(configuration, log), log);
    }

    [Fact]
    public async Task Missing_signalr_and_smtp_each_log_one_warning()
    {
        var (report, log) = Create(new() { ["AzureSignalRConnectionString"] = "" });
        await report.StartAsync(CancellationToken.None);
        Assert.Equal(["SignalR", "Email"], report.MissingCapabilities());
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.Contains(log.Entries, e => e.Message.Contains("AzureSignalRConnectionString", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Message.Contains("Email__SmtpHost", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AzureSignalRConnectionString", "Endpoint=http://localhost;Port=8999;AccessKey=x;Version=1.0;")]
    [InlineData("AzureSignalRConnectionString:serviceUri", "https://sigr-x.service.signalr.net")]
    public async Task A_configured_signalr_connection_and_smtp_host_log_nothing(string key, string value)
    {
        var (report, log) = Create(new() { [key] = value, ["Email:SmtpHost"] = "127.0.0.1" });
        await report.StartAsync(CancellationToken.None);
        Assert.Empty(report.MissingCapabilities());
        Assert.Empty(log.Entries);
    }
}
