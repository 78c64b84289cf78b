using Azure;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Subscribers;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.Functions.Retention;

/// <summary>Deletes HandlerFailures rows (partition <c>{tenant}|{handler}</c>) recorded before the cutoff.</summary>
public sealed class HandlerFailuresRetention(TableServiceClient tables, IEnumerable<IEventSubscriber> subscribers) : IRetentionParticipant
{
    private readonly TableClient _failures = tables.GetTableClient(TableNames.HandlerFailures);

    /// <inheritdoc />
    public string Kind => "handlerFailures";

    /// <inheritdoc />
    public async Task<int> DeleteOlderThanAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var handler in subscribers.Select(s => s.FunctionName).Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant + "|" + handler} and FailedAt lt {cutoff}");
            var keys = new List<string>();
            await foreach (var row in _failures.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey);
            }
            foreach (var chunk in keys.Chunk(100))
            {
                try
                {
                    await _failures.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenant + "|" + handler, k), ETag.All)), cancellationToken);
                }
                catch (TableTransactionFailedException failed) when (failed.Status == 404)
                {
                    // Deleted meanwhile by an overlapping run; the rest go on the next run.
                    continue;
                }
                deleted += chunk.Length;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return deleted;
    }
}
