using Microsoft.Extensions.Logging;

namespace ServerlessEvents.FunctionsHost;

/// <summary>The host double's log messages.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Warning, "A worker with unknown id {WorkerId} connected; refused.")]
    public static partial void UnknownWorker(ILogger logger, string workerId);

    [LoggerMessage(2, LogLevel.Information, "Worker {WorkerId} started as process {ProcessId} with {FunctionCount} functions.")]
    public static partial void WorkerStarted(ILogger logger, string workerId, int processId, int functionCount);

    [LoggerMessage(3, LogLevel.Information, "Worker {WorkerId} (process {ProcessId}) stopped with exit code {ExitCode}.")]
    public static partial void WorkerStopped(ILogger logger, string workerId, int processId, int exitCode);

    [LoggerMessage(4, LogLevel.Information, "Worker output: {Line}")]
    public static partial void WorkerOutput(ILogger logger, string line);

    [LoggerMessage(5, LogLevel.Debug, "Executed '{Function}' ({Status}, id {InvocationId}, {DurationMs} ms).")]
    public static partial void Executed(ILogger logger, string function, InvocationStatus status, string invocationId, long durationMs);

    [LoggerMessage(6, LogLevel.Warning, "Queue message {MessageId} reached maxDequeueCount {MaxDequeueCount}; moved to {PoisonQueue}.")]
    public static partial void MovedToPoison(ILogger logger, string messageId, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(7, LogLevel.Error, "Polling queue {Queue} for {Function} failed; retrying.")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string queue, string function);

    [LoggerMessage(8, LogLevel.Warning, "Event Grid dead-lettered event {EventId} for {Function} after {Attempts} attempts ({Reason}).")]
    public static partial void DeadLettered(ILogger logger, string eventId, string function, int attempts, string reason);

    [LoggerMessage(9, LogLevel.Error, "Timer {Function} schedule loop failed.")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(10, LogLevel.Warning, "Forwarding {Method} {Path} to the worker failed.")]
    public static partial void ForwardFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 11, Message = "{Message}")]
    public static partial void WorkerMessage(ILogger logger, LogLevel level, string message);
}
