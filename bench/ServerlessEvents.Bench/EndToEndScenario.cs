using System.Collections.Concurrent;
using System.Diagnostics;

namespace ServerlessEvents.Bench;

/// <summary>
/// Ingest → arrival latency: each event's send time is kept by id, and the far end (the Event Grid sink, or a
/// webhook receiver) stamps its arrival. Sent at concurrency 4 so the pipeline is busy but not saturated.
/// </summary>
public static class EndToEndScenario
{
    /// <summary>Sends <paramref name="count"/> events and waits (bounded) until each has arrived.</summary>
    public static async Task<EndToEndResult> RunAsync(BenchEnvironment environment, string key, int count, string path,
        Func<ConcurrentDictionary<string, long>, IDisposable> attachReceiver, string note)
    {
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var arrived = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var receiver = attachReceiver(arrived);
        var run = Guid.NewGuid().ToString("N")[..8];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var id = $"e2e-{run}-{n}";
                sent[id] = Stopwatch.GetTimestamp();
                using var request = BenchEvents.Single(key, id);
                using var response = await environment.Client.SendAsync(request);
            }
        }));
        var deadline = Stopwatch.StartNew();
        while (arrived.Count < sent.Count && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
        var recorder = new LatencyRecorder();
        foreach (var (id, at) in arrived)
        {
            if (sent.TryGetValue(id, out var start))
            {
                recorder.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
            }
        }
        return new EndToEndResult(path, sent.Count, recorder.Count, recorder.Percentile(0.5), recorder.Percentile(0.99), note);
    }

    /// <summary>Stamps each CloudEvent the sink accepts (first arrival wins).</summary>
    public static IDisposable AttachSink(BenchEnvironment environment, ConcurrentDictionary<string, long> arrived)
    {
        environment.Sink.Forward = batch =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var e in batch)
            {
                arrived.TryAdd(e["id"]!.GetValue<string>(), now);
            }
            return Task.CompletedTask;
        };
        return new Detach(() => environment.Sink.Forward = null);
    }

    private sealed class Detach(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
