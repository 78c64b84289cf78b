namespace ServerlessEvents.Bench;

/// <summary>Collects per-operation latencies (thread-safe) and summarises them.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(100_000);

    /// <summary>Records one operation's latency.</summary>
    public void Add(double milliseconds)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    /// <summary>Operations recorded.</summary>
    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1), in ms; 0 when empty.</summary>
    public double Percentile(double q)
    {
        double[] sorted;
        lock (_milliseconds)
        {
            sorted = [.. _milliseconds];
        }
        if (sorted.Length == 0)
        {
            return 0;
        }
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
