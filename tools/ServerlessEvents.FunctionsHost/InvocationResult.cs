namespace ServerlessEvents.FunctionsHost;

/// <summary>How an invocation ended.</summary>
public enum InvocationStatus
{
    /// <summary>The worker reported Success.</summary>
    Succeeded,

    /// <summary>The worker reported Failure, the function timed out, or the worker went away.</summary>
    Failed,

    /// <summary>The worker reported Cancelled.</summary>
    Cancelled,
}

/// <summary>A log line the worker sent (RpcLog).</summary>
/// <param name="Category">The logger category.</param>
/// <param name="Level">The level name (Trace … Critical).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="IsUser">True for the function's own logs (log_category User).</param>
/// <param name="InvocationId">The invocation the line was logged in, or null for the worker's own lines.</param>
public sealed record WorkerLog(string Category, string Level, string Message, bool IsUser, string? InvocationId = null);

/// <summary>The outcome of one invocation.</summary>
public sealed class InvocationResult
{
    /// <summary>The function invoked.</summary>
    public required string Function { get; init; }

    /// <summary>The invocation id sent to the worker.</summary>
    public required string InvocationId { get; init; }

    /// <summary>The trigger type, e.g. <c>queueTrigger</c>.</summary>
    public required string TriggerType { get; init; }

    /// <summary>How it ended.</summary>
    public required InvocationStatus Status { get; init; }

    /// <summary>True when <see cref="Status"/> is Succeeded.</summary>
    public bool Succeeded => Status == InvocationStatus.Succeeded;

    /// <summary>The exception type the worker reported (or the host's reason), for failures.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The exception message, for failures.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>Output bindings by name as text (string or JSON); <c>$return</c> holds the return value.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>The logs the worker sent inside this invocation.</summary>
    public IReadOnlyList<WorkerLog> Logs { get; init; } = [];

    /// <summary>When the host sent the invocation.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }
}
