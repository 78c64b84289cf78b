using System.Collections.Concurrent;
using System.Globalization;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Counts response statuses (thread-safe) and remembers what produced each 5xx.</summary>
public sealed class StatusTally
{
    private readonly ConcurrentDictionary<int, int> _counts = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();

    /// <summary>Records one response.</summary>
    public void Add(int status, string what)
    {
        _counts.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status >= 500)
        {
            _serverErrors.Enqueue($"{status} {what}");
        }
    }

    /// <summary>Responses with this status.</summary>
    public int this[int status] => _counts.GetValueOrDefault(status);

    /// <summary>All responses.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>Responses with a status of 500 or more.</summary>
    public int ServerErrors => _counts.Where(c => c.Key >= 500).Sum(c => c.Value);

    /// <summary>What produced each 5xx (first 20).</summary>
    public string ServerErrorSamples => string.Join("\n", _serverErrors.Take(20));

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value}")));
}
