using System.Text.Json.Nodes;

namespace ServerlessEvents.Emulators.SignalR;

/// <summary>One REST call the SignalR Service double accepted (its token and body checked).</summary>
/// <param name="Operation"><c>sendToAll</c>, <c>sendToUser</c>, <c>sendToGroup</c>, <c>addUserToGroup</c>, <c>removeUserFromGroup</c> or <c>generateToken</c>.</param>
/// <param name="Hub">The hub from the path.</param>
/// <param name="User">The user from the path (unescaped), or the <c>userId</c> query of generateToken.</param>
/// <param name="Group">The group from the path (unescaped).</param>
/// <param name="Target">The client method of a send.</param>
/// <param name="Arguments">The arguments of a send.</param>
/// <param name="Query">The query parameters (api-version, ttl, minutesToExpire, ...).</param>
public sealed record SignalRRequest(
    string Operation, string Hub, string? User, string? Group, string? Target, JsonArray? Arguments, IReadOnlyDictionary<string, string> Query)
{
    /// <summary>True for the three send operations.</summary>
    public bool IsSend => Operation.StartsWith("send", StringComparison.Ordinal);

    /// <summary>The first argument of a send, or null.</summary>
    public JsonNode? Argument => Arguments is { Count: > 0 } a ? a[0] : null;
}
