using ServerlessEvents.Functions.EventLog;

namespace ServerlessEvents.Functions.Publishing;

/// <summary>One request's stored events waiting in the <see cref="CompletionBatcher"/>, and the signal of their completion.</summary>
internal sealed class PendingCompletion(IReadOnlyList<StoredEvent> events)
{
    public IReadOnlyList<StoredEvent> Events { get; } = events;

    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
