using System.Text.Json.Nodes;

namespace ServerlessEvents.Testing;

/// <summary>How one invocation of a non-HTTP function ended, whichever host ran it.</summary>
/// <param name="Function">The function invoked.</param>
/// <param name="Succeeded">True when the host counts the invocation as succeeded.</param>
/// <param name="Logs">The lines logged for this invocation.</param>
/// <param name="Failure">Why it failed (status or exception), for failures.</param>
public sealed record InvocationOutcome(string Function, bool Succeeded, IReadOnlyList<string> Logs, string? Failure)
{
    /// <summary>A custom handler's payload-mode answer: anything but 2xx with a JSON object fails the invocation.</summary>
    public static InvocationOutcome FromPayloadAnswer(string function, int statusCode, JsonObject? body)
    {
        var logs = (body?["Logs"] ?? body?["logs"]) is JsonArray lines ? lines.Select(l => l?.GetValue<string>() ?? "").ToArray() : [];
        var succeeded = statusCode is >= 200 and < 300 && body is not null;
        return new InvocationOutcome(function, succeeded, logs, succeeded ? null : $"HTTP {statusCode}");
    }

    /// <summary>An invocation the host double ran in the real worker.</summary>
    public static InvocationOutcome FromWorker(FunctionsHost.InvocationResult result) =>
        new(result.Function, result.Succeeded, result.Logs.Select(l => l.Message).ToArray(),
            result.Succeeded ? null : $"{result.Status}: {result.ExceptionType} {result.ExceptionMessage}");
}
