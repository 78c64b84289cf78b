namespace ServerlessEvents.Testing;

/// <summary>How one invocation of a non-HTTP function ended in the worker.</summary>
/// <param name="Function">The function invoked.</param>
/// <param name="Succeeded">True when the host counts the invocation as succeeded.</param>
/// <param name="Logs">The lines logged for this invocation.</param>
/// <param name="Failure">Why it failed (status or exception), for failures.</param>
public sealed record InvocationOutcome(string Function, bool Succeeded, IReadOnlyList<string> Logs, string? Failure)
{
    /// <summary>An invocation the host double ran in the real worker.</summary>
    public static InvocationOutcome FromWorker(FunctionsHost.InvocationResult result) =>
        new(result.Function, result.Succeeded, result.Logs.Select(l => l.Message).ToArray(),
            result.Succeeded ? null : $"{result.Status}: {result.ExceptionType} {result.ExceptionMessage}");
}
