using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.EventLog;

/// <summary>Point reads of the audit log by event id, always within one tenant: one range query of the id's partition.</summary>
public class EventLookup(TableServiceClient tables, EventStore store, Microsoft.Extensions.Options.IOptions<EventLogOptions> options)
{
    private readonly TableClient _events = tables.GetTableClient(TableNames.Events);

    /// <summary>The tenant's events with this id (one per source that used it), newest first.</summary>
    public virtual async Task<IReadOnlyList<StoredEvent>> FindByIdAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        var partition = EventKeys.Partition(tenant, EventKeys.Shard(id, options.Value.ShardCount));
        var prefix = EventKeys.IdRowPrefix(id);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {EventKeys.PrefixEnd(prefix)}");
        // This layout: the rows in the range are the events. Before 2026-12: pointers to e|{key} rows.
        var events = new List<Task<StoredEvent?>>();
        await foreach (var row in _events.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(EventEntityMapper.IsEventRow(row)
                ? Task.FromResult<StoredEvent?>(EventEntityMapper.FromEventRow(row))
                : store.GetAsync(partition, EventKeys.LegacyEventRowKey(EventKeys.KeyOfRow(row.RowKey)), cancellationToken));
        }
        var found = await Task.WhenAll(events);
        return found.OfType<StoredEvent>().Where(e => e.Tenant == tenant).OrderByDescending(e => e.IngestedAt).ToArray();
    }
}
