using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Replay;

/// <summary>
/// Runs one chunk of a replay job (the <c>replayChunk</c> queue function). A chunk is applied at most once to the
/// progress: the row's <c>Step</c> records the last chunk applied (a conditional update), and the message that
/// follows is stored with it, so a chunk delivered again only re-sends its successor if that was never sent
/// (<c>EnqueuedSeq</c>). Before applying, the queue message claims the chunk (<c>ClaimSeq</c>, <c>ClaimedBy</c>,
/// <c>ClaimUntil</c>, conditionally): a copy of the same chunk that arrives while the claim holds, even in parallel,
/// is dropped instead of publishing again and enqueuing a second successor (which would fork the chain). A retry of
/// the claiming message itself (same message id) may always continue. Re-publishing may still repeat after a crash;
/// subscribers de-duplicate per (replay, event).
/// </summary>
public partial class ReplayChunkProcessor(ReplayStore store, ReplaySource source, ReplayPublisher publisher, ReplayService service, TimeProvider clock, IOptions<ReplayOptions> options, ILogger<ReplayChunkProcessor> logger)
{
    /// <summary>
    /// Handles one <c>replay-jobs</c> message: a message that is not a chunk is dropped (retrying cannot help); a
    /// failure throws so the queue retries it, and the attempt at <see cref="ReplayOptions.MaxDequeueCount"/> marks the
    /// replay failed first.
    /// </summary>
    public virtual async Task HandleAsync(string? text, string messageId, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ReplayJobMessage? job;
        try
        {
            job = string.IsNullOrEmpty(text) ? null : JsonSerializer.Deserialize<ReplayJobMessage>(text);
        }
        catch (JsonException)
        {
            job = null;
        }
        if (job is null)
        {
            LogDropped(logger);
            return;
        }
        try
        {
            await ProcessAsync(job, messageId, cancellationToken);
        }
        catch (Exception exception) when (dequeueCount >= options.Value.MaxDequeueCount)
        {
            await MarkFailedAsync(job, $"Chunk {job.Seq} failed {dequeueCount} times: {exception.GetType().Name}", cancellationToken);
            throw;
        }
        LogChunkDone(logger, job.ReplayId, job.Seq, job.Phase);
    }

    /// <summary>Processes one chunk message; <paramref name="messageId"/> is the queue message's id (the same on every retry of it).</summary>
    public virtual async Task ProcessAsync(ReplayJobMessage message, string messageId, CancellationToken cancellationToken = default)
    {
        var row = await store.GetRowAsync(message.Tenant, message.ReplayId, cancellationToken);
        if (row is null || Finished(row) || (row.GetInt32("Step") ?? -1) > message.Seq)
        {
            return; // Unknown, finished, or a stale copy whose successor was applied already.
        }
        if ((row.GetInt32("Step") ?? -1) < message.Seq)
        {
            row = await ClaimAsync(row, message, messageId, cancellationToken);
            if (row is null)
            {
                return;
            }
            var changes = await ApplyAsync(row, message, cancellationToken);
            // Other writes (EnqueuedSeq) may change the ETag: retry the update, never the work.
            while (!await store.TryUpdateAsync(row, changes, cancellationToken))
            {
                row = await store.GetRowAsync(message.Tenant, message.ReplayId, cancellationToken);
                if (row is null || Finished(row) || (row.GetInt32("Step") ?? -1) >= message.Seq)
                {
                    break;
                }
            }
        }
        await SendNextAsync(message.Tenant, message.ReplayId, cancellationToken);
    }

    // The row after this message claimed the chunk, or null when another copy holds it (or it was applied meanwhile).
    private async Task<TableEntity?> ClaimAsync(TableEntity row, ReplayJobMessage message, string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            if (row.GetInt32("ClaimSeq") == message.Seq && row.GetString("ClaimedBy") != messageId && row.GetDateTimeOffset("ClaimUntil") > now)
            {
                LogDuplicate(logger, message.ReplayId, message.Seq);
                return null;
            }
            var claim = new TableEntity(row.PartitionKey, row.RowKey)
            {
                ["ClaimSeq"] = message.Seq, ["ClaimedBy"] = messageId, ["ClaimUntil"] = now.AddSeconds(options.Value.ChunkClaimSeconds),
            };
            var claimed = await store.TryUpdateAsync(row, claim, cancellationToken);
            var current = await store.GetRowAsync(message.Tenant, message.ReplayId, cancellationToken);
            if (current is null || Finished(current) || (current.GetInt32("Step") ?? -1) >= message.Seq)
            {
                return null;
            }
            if (claimed)
            {
                return current;
            }
            row = current;
        }
    }

    private static bool Finished(TableEntity row) => row.GetString("Status") is ReplayRecord.Completed or ReplayRecord.Failed;

    private async Task<TableEntity> ApplyAsync(TableEntity row, ReplayJobMessage message, CancellationToken cancellationToken)
    {
        var replay = ReplayStore.FromRow(row);
        var changes = new TableEntity(row.PartitionKey, row.RowKey) { ["Step"] = message.Seq, ["Status"] = ReplayRecord.Running };
        ReplayJobMessage? next;
        if (message.Phase == ReplayJobMessage.CountPhase)
        {
            var (count, cursor) = await source.CountAsync(replay.Tenant, replay.Filter!, message.Cursor, options.Value.CountPerChunk, cancellationToken);
            var counted = message.Done + count;
            changes["Counted"] = counted;
            next = cursor is null
                ? message with { Phase = ReplayJobMessage.ReplayPhase, Seq = message.Seq + 1, Cursor = null, Done = 0 }
                : message with { Seq = message.Seq + 1, Cursor = cursor, Done = counted };
            if (cursor is null)
            {
                changes["Total"] = counted;
            }
        }
        else
        {
            var (events, cursor) = await source.ReadAsync(replay, message.Cursor, options.Value.ChunkSize, cancellationToken);
            await publisher.PublishAsync(replay, events, cancellationToken);
            var processed = message.Done + events.Count;
            changes["Processed"] = processed;
            next = cursor is null ? null : message with { Seq = message.Seq + 1, Cursor = cursor, Done = processed };
            if (cursor is null)
            {
                changes["Status"] = ReplayRecord.Completed;
                changes["CompletedAt"] = clock.GetUtcNow();
                changes["Total"] = replay.Total ?? processed;
                LogCompleted(logger, replay.ReplayId, processed);
            }
        }
        changes["Next"] = next is null ? "" : JsonSerializer.Serialize(next);
        return changes;
    }

    private async Task SendNextAsync(string tenant, string replayId, CancellationToken cancellationToken)
    {
        var row = await store.GetRowAsync(tenant, replayId, cancellationToken);
        if (row?.GetString("Next") is not { Length: > 0 } text || JsonSerializer.Deserialize<ReplayJobMessage>(text) is not { } next
            || (row.GetInt32("EnqueuedSeq") ?? -1) >= next.Seq)
        {
            return;
        }
        await service.EnqueueAsync(next, cancellationToken);
        await store.MergeAsync(new TableEntity(tenant, replayId) { ["EnqueuedSeq"] = next.Seq }, cancellationToken);
    }

    /// <summary>Marks the replay failed (its chunk exhausted its retries).</summary>
    public virtual Task MarkFailedAsync(ReplayJobMessage message, string reason, CancellationToken cancellationToken = default) =>
        store.MergeAsync(new TableEntity(message.Tenant, message.ReplayId) { ["Status"] = ReplayRecord.Failed, ["Error"] = reason, ["CompletedAt"] = clock.GetUtcNow() }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a replay-jobs message that is not a replay chunk")]
    private static partial void LogDropped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId}: chunk {Seq} ({Phase}) done")]
    private static partial void LogChunkDone(ILogger logger, string replayId, int seq, string phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId}: chunk {Seq} is being applied by another copy of its message; this copy is dropped")]
    private static partial void LogDuplicate(ILogger logger, string replayId, int seq);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} completed: {Processed} events re-published")]
    private static partial void LogCompleted(ILogger logger, string replayId, long processed);
}
