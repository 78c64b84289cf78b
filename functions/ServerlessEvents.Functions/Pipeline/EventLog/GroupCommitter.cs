using System.Collections.Concurrent;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>
/// Group commit: events bound for one partition are queued, and one drain per partition commits them in as few
/// entity-group transactions as the limits allow. While a partition's transaction is in flight, events that
/// arrive for it (from any request) wait and go together in the next one, so N concurrent writers of a partition
/// share one round trip instead of N. An idle partition commits a lone event at once, after the optional linger.
/// Each waiter is released when its own event's outcome is known: after its transaction has committed (or failed).
/// </summary>
/// <typeparam name="T">One queued item.</typeparam>
internal sealed class GroupCommitter<T>(Func<IReadOnlyList<T>, List<T>> take, Func<List<T>, Task> commit, TimeSpan linger)
    where T : class
{
    private readonly ConcurrentDictionary<string, PartitionQueue> _partitions = new(StringComparer.Ordinal);

    /// <summary>Queues items for a partition; the drain takes them in order (see <c>take</c>) and commits them.</summary>
    public void Enqueue(string partition, IEnumerable<T> items)
    {
        var queue = _partitions.GetOrAdd(partition, _ => new PartitionQueue());
        bool start;
        lock (queue)
        {
            queue.Items.AddRange(items);
            start = !queue.Draining;
            queue.Draining = true;
        }
        if (start)
        {
            _ = Task.Run(() => DrainAsync(partition, queue));
        }
    }

    private async Task DrainAsync(string partition, PartitionQueue queue)
    {
        while (true)
        {
            if (linger > TimeSpan.Zero)
            {
                await Task.Delay(linger);
            }
            List<T> batch;
            lock (queue)
            {
                batch = take(queue.Items);
                if (batch.Count == 0)
                {
                    queue.Draining = false;
                    // A writer holding this queue object still works: it restarts the drain on it.
                    _partitions.TryRemove(KeyValuePair.Create(partition, queue));
                    return;
                }
                var taken = new HashSet<T>(batch, ReferenceEqualityComparer.Instance);
                queue.Items.RemoveAll(taken.Contains);
            }
            // commit completes every item of the batch, success or failure; it never throws.
            await commit(batch);
        }
    }

    private sealed class PartitionQueue
    {
        public List<T> Items { get; } = [];

        public bool Draining { get; set; }
    }
}
