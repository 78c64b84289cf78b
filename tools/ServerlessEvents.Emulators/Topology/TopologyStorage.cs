namespace ServerlessEvents.Emulators.Topology;

/// <summary>The Storage tables and queues listed in the topology (created by infra/app/storage.bicep).</summary>
public sealed class TopologyStorage
{
    /// <summary>Table names; must equal <c>Storage.TableNames.All</c>.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>Queue names; must equal <c>Storage.QueueNames.All</c>.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];
}
