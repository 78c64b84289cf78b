using Azure.Data.Tables;
using ServerlessEvents.Functions.Catalog.Types;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// Records an event a handler can never process, in the <c>HandlerFailures</c> table, and ingests a
/// <c>system.error</c> event naming the original event and the reason. A failing <c>system.error</c> is only
/// recorded, so failures cannot feed on themselves.
/// </summary>
public class FailedEventRecorder(TableServiceClient tables, InternalEventIngestor ingestor, TimeProvider clock)
{
    private readonly TableClient _failures = tables.GetTableClient(TableNames.HandlerFailures);

    /// <summary>Records the failure (idempotently: a redelivery overwrites the same row and ingests a duplicate).</summary>
    public virtual async Task RecordAsync(string handler, DeliveredEvent delivered, string reason, CancellationToken cancellationToken = default)
    {
        var e = delivered.Event;
        await _failures.UpsertEntityAsync(new TableEntity(delivered.Tenant + "|" + handler, delivered.DedupKey)
        {
            ["EventId"] = e.Id,
            ["Source"] = e.Source,
            ["Type"] = e.Type,
            ["Reason"] = reason,
            ["FailedAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
        if (e.Type == "system.error")
        {
            return;
        }
        await ingestor.IngestAsync(delivered.Tenant, "system.error", "handlers/" + handler, $"syserr-{handler}-{delivered.DedupKey}",
            new SystemError(e.Id, handler, reason, e.Type), subject: e.Subject, cancellationToken);
    }
}
