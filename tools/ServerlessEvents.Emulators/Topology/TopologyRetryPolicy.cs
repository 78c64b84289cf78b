namespace ServerlessEvents.Emulators.Topology;

/// <summary>Event Grid's retry policy: attempts 1..30, time to live 1..1440 minutes.</summary>
public sealed class TopologyRetryPolicy
{
    /// <summary>Maximum delivery attempts (Event Grid default 30).</summary>
    public int MaxDeliveryAttempts { get; init; } = 30;

    /// <summary>Minutes an event may wait for delivery (Event Grid default 1440).</summary>
    public int EventTimeToLiveInMinutes { get; init; } = 1440;
}
