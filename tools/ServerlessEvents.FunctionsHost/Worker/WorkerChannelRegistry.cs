using System.Collections.Concurrent;

namespace ServerlessEvents.FunctionsHost.Worker;

/// <summary>The channels the host expects, by worker id (a restarted worker gets a new id).</summary>
internal sealed class WorkerChannelRegistry
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _expected = new(StringComparer.Ordinal);

    public WorkerChannel Expect(string workerId) => _expected[workerId] = new WorkerChannel(workerId);

    public WorkerChannel? Accept(string workerId) => _expected.TryRemove(workerId, out var channel) ? channel : null;

    public void Forget(string workerId) => _expected.TryRemove(workerId, out _);
}
