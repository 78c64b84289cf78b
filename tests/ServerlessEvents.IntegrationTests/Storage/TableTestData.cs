using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>Bulk-loads entities through 100-action transactions (one partition per transaction).</summary>
internal static class TableTestData
{
    public static async Task InsertAsync(TableClient table, string partitionKey, int count, Func<int, TableEntity>? create = null)
    {
        var entities = Enumerable.Range(0, count)
            .Select(i => create?.Invoke(i) ?? new TableEntity(partitionKey, i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i });
        foreach (var chunk in entities.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        }
    }
}
