namespace ServerlessEvents.Functions.Storage;

/// <summary>Every Storage queue the handler writes or triggers on. A test keeps this list and infra/ in step.</summary>
public static class QueueNames
{
    /// <summary>Webhook deliveries waiting for their next attempt (visibility delay = the retry schedule).</summary>
    public const string WebhookRetries = "webhook-retries";

    /// <summary>Replay chunks (Replay/): one message per chunk of a replay job, triggering <c>replayChunk</c>.</summary>
    public const string ReplayJobs = "replay-jobs";

    /// <summary>All queues, for start-up creation and the infra consistency test.</summary>
    public static IReadOnlyList<string> All { get; } = [WebhookRetries, ReplayJobs];
}
