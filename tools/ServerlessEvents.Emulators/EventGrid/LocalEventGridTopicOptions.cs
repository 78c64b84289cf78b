using ServerlessEvents.Emulators.Topology;

namespace ServerlessEvents.Emulators.EventGrid;

/// <summary>Options of a <see cref="LocalEventGridTopic"/>.</summary>
public sealed class LocalEventGridTopicOptions
{
    /// <summary>The port on 127.0.0.1; default 0 (a free port).</summary>
    public int Port { get; set; }

    /// <summary>The access key publishers send as <c>aeg-sas-key</c>; default empty (a random key is made).</summary>
    public string Key { get; set; } = "";

    /// <summary>The subscriptions: which function gets which events, its retry policy and dead-lettering. Required.</summary>
    public TopologyDocument Topology { get; set; } = null!;

    /// <summary>
    /// The Functions host the subscriptions deliver to (its <c>/runtime/webhooks/eventgrid</c>): the dev host's front
    /// door, or <c>func start</c>'s <c>http://localhost:7071</c>. Read at each attempt. Required.
    /// </summary>
    public Func<Uri> FunctionsHost { get; set; } = null!;

    /// <summary>
    /// The delay before each retry (the last repeats), in place of Event Grid's 10 s, 30 s, 1 min, 5 min, ... .
    /// Default 1 s, 2 s, 4 s, 8 s, 16 s, 30 s: a failing handler shows its retries within a minute. Each
    /// subscription's <c>maxDeliveryAttempts</c> and <c>eventTimeToLiveInMinutes</c> come from the topology.
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; set; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(30)];

    /// <summary>How long a delivery waits for the function's answer; default 30 s (Event Grid's).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The storage account dead letters go to (a connection string; Azurite locally), in the topology's
    /// <c>deadLetterContainerName</c>. Default empty: dead letters are only kept in memory and logged.
    /// </summary>
    public string DeadLetterStorage { get; set; } = "";

    /// <summary>The topic's name in dead-letter blob paths; default <c>local</c>.</summary>
    public string TopicName { get; set; } = "local";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException("Port must be 0-65535.", nameof(Port));
        if (Topology is null) throw new ArgumentException("Topology is required.", nameof(Topology));
        if (FunctionsHost is null) throw new ArgumentException("FunctionsHost is required.", nameof(FunctionsHost));
        if (RetryDelays.Any(d => d < TimeSpan.Zero)) throw new ArgumentException("RetryDelays must not be negative.", nameof(RetryDelays));
        if (DeliveryTimeout <= TimeSpan.Zero) throw new ArgumentException("DeliveryTimeout must be positive.", nameof(DeliveryTimeout));
    }
}
