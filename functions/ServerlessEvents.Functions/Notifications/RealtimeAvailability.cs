using ServerlessEvents.Functions.LocalDevelopment;

namespace ServerlessEvents.Functions.Notifications;

/// <summary>Whether the signalR output binding has a connection (a connection string or an identity-based service URI).</summary>
public sealed class RealtimeAvailability(IConfiguration configuration)
{
    /// <summary>True when pushes can be handed to the host.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(configuration[LocalCapabilityReport.SignalRSetting])
        || !string.IsNullOrWhiteSpace(configuration[LocalCapabilityReport.SignalRSetting + ":serviceUri"]);
}
