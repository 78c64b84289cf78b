using Azure.Data.Tables;
using ServerlessEvents.Functions.EventLog;

namespace ServerlessEvents.Functions.History;

/// <summary>Reading index rows (history streams and the consumer feed): bounded queries and the event JSON they point at.</summary>
public static class IndexRows
{
    /// <summary>At most <paramref name="take"/> rows of a query, in row-key order, stopping as soon as there are enough.</summary>
    public static async Task<List<TableEntity>> TakeAsync(TableClient index, string filter, int take, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>(Math.Min(take, 1000));
        await foreach (var row in index.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count >= take)
            {
                break;
            }
        }
        return rows;
    }

    /// <summary>The event JSON of an index row: inline when it fitted one property, else read from the Events table (empty when gone).</summary>
    public static async Task<byte[]> JsonOfAsync(TableEntity row, EventStore store, CancellationToken cancellationToken)
    {
        if (row.ContainsKey("JChunks"))
        {
            return EventEntityMapper.ReadChunks(row, "J");
        }
        var stored = await store.GetAsync(row.GetString("EventPartition")!, row.GetString("EventRow"), row.GetString("EventKey")!, cancellationToken);
        return stored?.Json ?? [];
    }
}
