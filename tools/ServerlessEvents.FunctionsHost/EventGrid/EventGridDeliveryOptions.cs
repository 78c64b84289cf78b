namespace ServerlessEvents.FunctionsHost.EventGrid;

/// <summary>
/// How the emulated Event Grid delivers to a function (an <c>AzureFunction</c> destination). Defaults are Event Grid's:
/// retries at about 10 s, 30 s, 1 min, 5 min, 10 min, 30 min, 1 h, 3 h, 6 h, then every 12 h, at most 30 attempts
/// within a 24 h time to live; 400, 403 and 413 are never retried. Tests shorten <see cref="RetryDelays"/>.
/// </summary>
public sealed class EventGridDeliveryOptions
{
    /// <summary>The delay before each retry; the last one repeats. Default Event Grid's schedule (no jitter).</summary>
    public IList<TimeSpan> RetryDelays { get; set; } =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    /// <summary>The subscription's maxDeliveryAttempts (1–30); default 30.</summary>
    public int MaxDeliveryAttempts { get; set; } = 30;

    /// <summary>The subscription's eventTimeToLive (1 min–24 h); default 24 h. Tests may set less than a minute.</summary>
    public TimeSpan EventTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long Event Grid waits for the endpoint's answer; default 30 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Statuses Event Grid dead-letters at once for Azure resource endpoints; default 400, 403, 413.</summary>
    public ISet<int> NonRetriedStatusCodes { get; set; } = new HashSet<int> { 400, 403, 413 };

    /// <summary>The delay after <paramref name="failedAttempts"/> failed attempts (the last listed delay repeats).</summary>
    public TimeSpan DelayBeforeRetry(int failedAttempts) =>
        RetryDelays.Count == 0 ? TimeSpan.Zero : RetryDelays[Math.Min(failedAttempts, RetryDelays.Count) - 1];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxDeliveryAttempts is < 1 or > 30) throw new ArgumentException("EventGrid.MaxDeliveryAttempts must be 1–30.", nameof(MaxDeliveryAttempts));
        if (EventTimeToLive <= TimeSpan.Zero || EventTimeToLive > TimeSpan.FromHours(24)) throw new ArgumentException("EventGrid.EventTimeToLive must be positive and at most 24 h.", nameof(EventTimeToLive));
        if (DeliveryTimeout <= TimeSpan.Zero) throw new ArgumentException("EventGrid.DeliveryTimeout must be positive.", nameof(DeliveryTimeout));
        if (RetryDelays.Any(d => d < TimeSpan.Zero)) throw new ArgumentException("EventGrid.RetryDelays must not be negative.", nameof(RetryDelays));
    }
}
