namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// Says once at start-up which capabilities need a resource that is not configured (SignalR Service or its
/// emulator, an SMTP server), so a local run without them explains itself while everything else keeps running.
/// </summary>
public sealed class CapabilityReport(IConfiguration configuration, ILogger<CapabilityReport> logger) : IHostedService
{
    /// <summary>The connection setting the signalR output bindings use (or its identity-based prefix).</summary>
    public const string SignalRSetting = "AzureSignalRConnectionString";

    /// <summary>The SMTP host setting the email handler uses.</summary>
    public const string SmtpHostSetting = "Email:SmtpHost";

    /// <summary>The capabilities that are missing, one message each (also used by the start-up log).</summary>
    public IReadOnlyList<string> MissingCapabilities()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration[SignalRSetting]) && string.IsNullOrWhiteSpace(configuration[SignalRSetting + ":serviceUri"]))
            missing.Add("SignalR");
        if (string.IsNullOrWhiteSpace(configuration[SmtpHostSetting]))
            missing.Add("Email");
        return missing;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var capability in MissingCapabilities())
        {
            if (capability == "SignalR")
            {
                logger.LogWarning("Real-time delivery is unavailable: neither {Setting} nor {ServiceUriSetting} is set. "
                    + "The signalr and notifications functions cannot send until a SignalR Service or the SignalR emulator is configured; everything else runs.",
                    SignalRSetting, SignalRSetting + "__serviceUri");
            }
            else
            {
                logger.LogWarning("Email is unavailable: {Setting} is not set. The email function cannot send until an SMTP server is configured; everything else runs.",
                    "Email__SmtpHost");
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
