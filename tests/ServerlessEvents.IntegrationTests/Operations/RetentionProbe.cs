using System.Collections.Concurrent;
using ServerlessEvents.Functions.Retention;

namespace ServerlessEvents.IntegrationTests.Operations;

/// <summary>Records what retention reports deleted and can cut a run short after N event deletions (a simulated crash).</summary>
public sealed class RetentionProbe : IRetentionObserver
{
    private readonly ConcurrentDictionary<string, int> _deleted = new(StringComparer.Ordinal);
    private CancellationTokenSource? _crash;
    private int _crashAfter;

    /// <summary>Deletions reported per tenant and kind.</summary>
    public int Deleted(string tenant, string kind) => _deleted.TryGetValue(tenant + "/" + kind, out var n) ? n : 0;

    /// <summary>A token that fires once <paramref name="events"/> more events were reported deleted (reports come per batch).</summary>
    public CancellationToken CrashAfter(int events)
    {
        _crash = new CancellationTokenSource();
        _crashAfter = events;
        return _crash.Token;
    }

    /// <inheritdoc />
    public Task OnDeletedAsync(string tenant, string kind, int count, CancellationToken cancellationToken)
    {
        _deleted.AddOrUpdate(tenant + "/" + kind, count, (_, n) => n + count);
        if (kind == "events" && Interlocked.Add(ref _crashAfter, -count) <= 0)
        {
            _crash?.Cancel();
        }
        return Task.CompletedTask;
    }
}
