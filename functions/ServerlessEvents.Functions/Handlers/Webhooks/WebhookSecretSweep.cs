using Azure;
using Azure.Data.Tables;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// One-off migration, run in the background at start-up: encrypts the <c>WebhookSecrets</c> rows written before
/// secrets were encrypted at rest (<see cref="WebhookSecretStore.EncryptLegacyRowsAsync"/>). Checkpointed per partition
/// in the row <c>~checkpoint/encrypt-v1</c> of the same table, so a restart resumes where it stopped and, once done,
/// later starts skip the scan. Idempotent and safe to run on several instances at once. Retries with backoff on failure.
/// </summary>
public sealed partial class WebhookSecretSweep(TableServiceClient tables, WebhookSecretStore store, StorageInitializer storage, ILogger<WebhookSecretSweep> logger) : BackgroundService
{
    /// <summary>Row key of the checkpoint row.</summary>
    public const string CheckpointRow = "encrypt-v1";

    private readonly TableClient _table = tables.GetTableClient(TableNames.WebhookSecrets);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        var delay = TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 300));
            }
        }
    }

    /// <summary>Runs the sweep to the end (from the checkpoint, if any); false when it had already finished before.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken = default)
    {
        var checkpoint = await _table.GetEntityIfExistsAsync<TableEntity>(WebhookSecretStore.CheckpointPartition, CheckpointRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (checkpoint.HasValue && checkpoint.Value!.GetBoolean("Done") == true)
        {
            return false;
        }
        var from = checkpoint.HasValue ? checkpoint.Value!.GetString("Partition") : null;
        LogStarted(logger, from ?? "(start)");
        var encrypted = await store.EncryptLegacyRowsAsync(from, (partition, ct) => SaveAsync(partition, done: false, ct), cancellationToken).ConfigureAwait(false);
        await SaveAsync(null, done: true, cancellationToken).ConfigureAwait(false);
        LogFinished(logger, encrypted);
        return true;
    }

    private async Task SaveAsync(string? partition, bool done, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpsertEntityAsync(new TableEntity(WebhookSecretStore.CheckpointPartition, CheckpointRow)
            {
                ["Partition"] = partition,
                ["Done"] = done,
            }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (!done)
        {
            // A lost checkpoint only means re-reading more rows next time; the sweep itself goes on.
            LogCheckpointFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypting webhook secrets stored in clear, from partition {From}")]
    private static partial void LogStarted(ILogger logger, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook secret sweep finished: {Encrypted} rows encrypted")]
    private static partial void LogFinished(ILogger logger, int encrypted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook secret sweep checkpoint not saved")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook secret sweep failed; trying again in {DelaySeconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, double delaySeconds);
}
