using System.Diagnostics;

namespace ServerlessEvents.Bench;

/// <summary>
/// Runs an operation from <c>c</c> concurrent workers for a warm-up period (not recorded) and then a measured
/// period, and reports throughput and latency. One call of the operation may carry several events (a batch).
/// </summary>
public static class LoadRunner
{
    /// <summary>Runs the load; <paramref name="operation"/> gets the worker index and a running sequence number.</summary>
    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan warmUp, TimeSpan measured, int eventsPerOperation,
        Func<int, long, Task> operation, Action? onMeasuredStart = null, Action? onMeasuredEnd = null)
    {
        long sequence = 0;
        var failures = 0;
        var recorder = new LatencyRecorder();
        var recording = false;
        var stop = false;
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var n = Interlocked.Increment(ref sequence);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker, n);
                    if (Volatile.Read(ref recording))
                    {
                        recorder.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (Exception) when (Volatile.Read(ref recording))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.Delay(warmUp);
        onMeasuredStart?.Invoke();
        Volatile.Write(ref recording, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measured);
        Volatile.Write(ref recording, false);
        var elapsed = clock.Elapsed;
        onMeasuredEnd?.Invoke();
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);
        var operations = recorder.Count;
        return new LoadResult(name, concurrency, operations, operations * eventsPerOperation, elapsed.TotalSeconds,
            operations * eventsPerOperation / elapsed.TotalSeconds, recorder.Percentile(0.5), recorder.Percentile(0.99), failures);
    }
}
