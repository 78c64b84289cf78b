using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// When to retry a failed delivery. Step <c>n</c> of <see cref="WebhookOptions.RetrySchedule"/> is the delay after the
/// <c>n</c>-th failed attempt, spread by ±<see cref="WebhookOptions.JitterFraction"/>. A receiver's <c>Retry-After</c>
/// can only lengthen a delay, and never beyond the nominal delay of the following step (the last step for the last retry):
/// <c>delay = max(jittered, min(retryAfter, nominal[n + 1]))</c>. Returns null when attempts are exhausted (dead-letter).
/// Thread-safe.
/// </summary>
public sealed class WebhookRetrySchedule
{
    private readonly Random _random;
    private readonly bool _sharedRandom;
    private readonly double _jitter;

    /// <summary>Creates the schedule; <paramref name="random"/> makes jitter deterministic in tests (default: <see cref="Random.Shared"/>).</summary>
    public WebhookRetrySchedule(IOptions<WebhookOptions> options, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Delays = options.Value.GetRetryDelays();
        _jitter = options.Value.JitterFraction;
        _random = random ?? Random.Shared;
        _sharedRandom = random is null;
    }

    /// <summary>The nominal delays before each retry.</summary>
    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>All attempts including the immediate one.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <summary>
    /// The delay before the next attempt after <paramref name="attemptsMade"/> attempts (≥ 1) have failed,
    /// or null when none is left.
    /// </summary>
    public TimeSpan? GetNextDelay(int attemptsMade, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        var step = attemptsMade - 1;
        if (step >= Delays.Count)
        {
            return null;
        }

        var nominal = Delays[step];
        var jittered = nominal * (1 + (_jitter * ((2 * NextDouble()) - 1)));
        if (retryAfter is not { } requested || requested <= jittered)
        {
            return jittered;
        }

        var bound = Delays[Math.Min(step + 1, Delays.Count - 1)];
        return requested < bound ? requested : (bound > jittered ? bound : jittered);
    }

    private double NextDouble()
    {
        if (_sharedRandom)
        {
            return _random.NextDouble();
        }

        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
