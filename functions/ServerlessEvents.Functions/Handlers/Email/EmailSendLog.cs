using Azure.Data.Tables;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// The <c>EmailSends</c> table: one row per (delivery, recipient), partition = tenant, row =
/// <c>{DedupKey}|{escaped lower-case address}</c>. The handler checks it before sending and writes it after, so a
/// redelivery never sends again once the row exists. A crash between the send and the write leaves a window in
/// which a redelivery sends a second copy (at-least-once, never at-most-once).
/// </summary>
public class EmailSendLog(TableServiceClient tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.EmailSends);

    /// <summary>True when this delivery's mail to this recipient was already sent.</summary>
    public virtual async Task<bool> WasSentAsync(string tenant, string dedupKey, string recipient, CancellationToken cancellationToken = default) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(tenant, RowKey(dedupKey, recipient), ["RowKey"], cancellationToken)).HasValue;

    /// <summary>Records a sent mail (an upsert: recording twice is harmless).</summary>
    public virtual async Task RecordAsync(string tenant, string dedupKey, string recipient, CanonicalEvent e, string subject, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(new TableEntity(tenant, RowKey(dedupKey, recipient))
        {
            ["EventId"] = e.Id,
            ["EventType"] = e.Type,
            ["Recipient"] = recipient,
            ["Subject"] = subject,
            ["SentAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>How many mails are recorded for a tenant (tests and operators).</summary>
    public virtual async Task<int> CountAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    private static string RowKey(string dedupKey, string recipient) => dedupKey + "|" + EventKeys.Escape(recipient.ToLowerInvariant());
}
