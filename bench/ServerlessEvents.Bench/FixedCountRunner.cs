using System.Diagnostics;

namespace ServerlessEvents.Bench;

/// <summary>
/// Runs a fixed number of operations per worker (after one warm-up operation per worker) and reports the
/// throughput over the wall time of the measured part. Used for large batches, where a fixed duration would
/// cut operations off.
/// </summary>
public static class FixedCountRunner
{
    /// <summary>Runs <paramref name="perWorker"/> operations on each of <paramref name="concurrency"/> workers.</summary>
    public static async Task<LoadResult> RunAsync(string name, int concurrency, int perWorker, int eventsPerOperation,
        Func<int, long, Task> operation, Action? onMeasuredStart = null, Action? onMeasuredEnd = null)
    {
        long sequence = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => operation(w, Interlocked.Increment(ref sequence))));
        var recorder = new LatencyRecorder();
        var failures = 0;
        onMeasuredStart?.Invoke();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker, Interlocked.Increment(ref sequence));
                    recorder.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        onMeasuredEnd?.Invoke();
        var events = recorder.Count * eventsPerOperation;
        return new LoadResult(name, concurrency, recorder.Count, events, elapsed.TotalSeconds, events / elapsed.TotalSeconds,
            recorder.Percentile(0.5), recorder.Percentile(0.99), failures);
    }
}
