using Azure.Data.Tables;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Email;

/// <summary>Deletes the email send log rows (partition = tenant) of mails sent before the cutoff.</summary>
public sealed class EmailSendsRetention(TableServiceClient tables) : IRetentionParticipant
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.EmailSends);

    /// <inheritdoc />
    public string Kind => "emailSends";

    /// <inheritdoc />
    public async Task<int> DeleteOlderThanAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await RowDeleter.DeleteAsync(_table, await RowDeleter.KeysAsync(_table, TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and SentAt lt {cutoff}"), cancellationToken), cancellationToken);
}
