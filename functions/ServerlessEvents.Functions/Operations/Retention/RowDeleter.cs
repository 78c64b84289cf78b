using Azure;
using Azure.Data.Tables;

namespace ServerlessEvents.Functions.Retention;

/// <summary>Deletes rows in entity-group transactions of up to 100 per partition; rows already gone are not an error.</summary>
public static class RowDeleter
{
    /// <summary>Deletes the rows; returns how many keys were handled. Checks the token between transactions.</summary>
    public static async Task<int> DeleteAsync(TableClient table, IEnumerable<(string Partition, string Row)> keys, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var chunk in keys.Distinct().GroupBy(k => k.Partition).SelectMany(g => g.Chunk(100)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 404)
            {
                // Some were deleted meanwhile (an overlapping or interrupted run): delete the rest one by one.
                foreach (var (partition, row) in chunk)
                {
                    try
                    {
                        await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
            count += chunk.Length;
        }
        return count;
    }

    /// <summary>The keys of the rows a query returns (selecting only the keys).</summary>
    public static async Task<List<(string Partition, string Row)>> KeysAsync(TableClient table, string filter, CancellationToken cancellationToken, params string[] extra)
    {
        var keys = new List<(string, string)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", .. extra], cancellationToken: cancellationToken))
        {
            keys.Add((row.PartitionKey, row.RowKey));
        }
        return keys;
    }
}
