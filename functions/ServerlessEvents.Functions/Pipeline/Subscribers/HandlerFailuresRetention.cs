using Azure.Data.Tables;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Subscribers;

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
            deleted += await RowDeleter.DeleteAsync(_failures, await RowDeleter.KeysAsync(_failures, filter, cancellationToken), cancellationToken);
        }
        return deleted;
    }
}
