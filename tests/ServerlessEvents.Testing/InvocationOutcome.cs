using System.Text.Json.Nodes;

namespace ServerlessEvents.Testing;

/// <summary>What one payload-mode invocation returned: the handler's status and its outputs.</summary>
/// <param name="Function">The function invoked.</param>
/// <param name="StatusCode">The handler's HTTP status; anything but 2xx fails the invocation.</param>
/// <param name="Body">The handler's answer, parsed when it is a JSON object.</param>
public sealed record InvocationOutcome(string Function, int StatusCode, JsonObject? Body)
{
    /// <summary>True when the host would count the invocation as succeeded.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300 && Body is not null;

    /// <summary>The output values by binding name.</summary>
    public JsonObject Outputs => Body?["Outputs"] as JsonObject ?? Body?["outputs"] as JsonObject ?? [];

    /// <summary>The lines the handler asked the host to log for this invocation.</summary>
    public IReadOnlyList<string> Logs => (Body?["Logs"] ?? Body?["logs"]) is JsonArray logs
        ? logs.Select(l => l?.GetValue<string>() ?? "").ToArray()
        : [];
}
