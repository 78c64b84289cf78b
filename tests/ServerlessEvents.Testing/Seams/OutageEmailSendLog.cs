using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Functions.Events;

namespace ServerlessEvents.Testing.Seams;

/// <summary>
/// The real send log, with switches that make its storage calls fail the way Azure.Core reports an unreachable
/// account (an AggregateException of RequestFailedException with status 0), so a test can take storage down for
/// exactly the check or exactly the record.
/// </summary>
public sealed class OutageEmailSendLog(TableServiceClient tables, TimeProvider clock) : EmailSendLog(tables, clock)
{
    /// <summary>When true, the "was it sent?" check fails.</summary>
    public volatile bool FailChecks;

    /// <summary>When true, recording a send fails.</summary>
    public volatile bool FailRecords;

    /// <inheritdoc />
    public override Task<bool> WasSentAsync(string tenant, string dedupKey, string recipient, CancellationToken cancellationToken = default) =>
        FailChecks ? throw Unreachable() : base.WasSentAsync(tenant, dedupKey, recipient, cancellationToken);

    /// <inheritdoc />
    public override Task RecordAsync(string tenant, string dedupKey, string recipient, CanonicalEvent e, string subject, CancellationToken cancellationToken = default) =>
        FailRecords ? throw Unreachable() : base.RecordAsync(tenant, dedupKey, recipient, e, subject, cancellationToken);

    private static AggregateException Unreachable() => new(new RequestFailedException(0, "Storage is unreachable (simulated)."));
}
