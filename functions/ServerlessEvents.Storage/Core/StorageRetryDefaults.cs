using Azure.Core;

namespace ServerlessEvents.Storage;

/// <summary>Retry defaults applied by <c>TableClientOptions</c> and <c>QueueClientOptions</c>.</summary>
internal static class StorageRetryDefaults
{
    /// <summary>3 retries.</summary>
    public const int MaxRetries = 3;

    /// <summary>0.2 s base delay, doubled per attempt (with Azure.Core's jitter).</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    /// <summary>Never wait more than 2 s between attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>A single attempt gives up after 30 s.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Applies the defaults so that an unreachable endpoint fails within a few seconds. Azure.Core's
    /// retry policy retries 408, 429, 500, 502, 503, 504 and transport errors.
    /// </summary>
    public static void Apply(ClientOptions options)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = Delay;
        options.Retry.MaxDelay = MaxDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
    }
}
