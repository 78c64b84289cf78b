using System.ComponentModel.DataAnnotations;
using Azure.Core;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// How the table and queue clients retry (section <c>Storage</c>). The defaults make an unreachable account fail
/// within a few seconds, so a request answers 503 instead of hanging; Azure.Core retries 408, 429, 500, 502, 503,
/// 504 and transport errors.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Retries after the first attempt. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Exponential (the delay doubles per attempt, with jitter) or Fixed. Default Exponential.</summary>
    public RetryMode RetryMode { get; set; } = RetryMode.Exponential;

    /// <summary>The first retry's delay, in milliseconds. Default 200.</summary>
    [Range(1, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>The longest delay between two attempts, in milliseconds. Default 2000.</summary>
    [Range(1, 120_000)]
    public int MaxRetryDelayMilliseconds { get; set; } = 2000;

    /// <summary>How long one attempt may take, in seconds, before it is abandoned and retried. Default 30.</summary>
    [Range(1, 600)]
    public int NetworkTimeoutSeconds { get; set; } = 30;

    /// <summary>Applies these settings to an Azure SDK client's options.</summary>
    public T Apply<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Mode = RetryMode;
        options.Retry.Delay = TimeSpan.FromMilliseconds(RetryDelayMilliseconds);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(Math.Max(RetryDelayMilliseconds, MaxRetryDelayMilliseconds));
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(NetworkTimeoutSeconds);
        return options;
    }
}
