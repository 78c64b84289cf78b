namespace ServerlessEvents.Functions.Quotas;

/// <summary>
/// A token bucket: fills at <c>rate</c> tokens a second up to <c>capacity</c>, starts full. Thread-safe.
/// Taking fails without consuming when there are not enough tokens, and says how long until there would be.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private double _tokens;
    private long _updatedTicks;
    private double _rate;
    private int _capacity;

    /// <summary>Creates a full bucket at <paramref name="now"/>.</summary>
    public TokenBucket(double rate, int capacity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _rate = rate;
        _capacity = capacity;
        _tokens = capacity;
        _updatedTicks = now.UtcTicks;
    }

    /// <summary>Takes <paramref name="count"/> tokens if there are that many; otherwise false and the wait until there would be.</summary>
    public bool TryTake(int count, DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            Refill(now);
            if (count <= _tokens)
            {
                _tokens -= count;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromSeconds((Math.Min(count, _capacity) - _tokens) / _rate);
            return false;
        }
    }

    /// <summary>Changes rate and size (tokens above the new size are dropped).</summary>
    public void Reconfigure(double rate, int capacity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        lock (_gate)
        {
            Refill(now);
            _rate = rate;
            _capacity = capacity;
            _tokens = Math.Min(_tokens, capacity);
        }
    }

    private void Refill(DateTimeOffset now)
    {
        var elapsed = Math.Max(0, now.UtcTicks - _updatedTicks) / (double)TimeSpan.TicksPerSecond;
        _tokens = Math.Min(_capacity, _tokens + (elapsed * _rate));
        _updatedTicks = Math.Max(_updatedTicks, now.UtcTicks);
    }
}
