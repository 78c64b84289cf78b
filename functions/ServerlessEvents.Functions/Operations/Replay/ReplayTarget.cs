using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Replay;

/// <summary>Where a replay goes: every subscriber (<c>all</c>), one handler function, or one webhook subscription.</summary>
public sealed record ReplayTarget(string Kind, string? Value)
{
    /// <summary>Every subscriber.</summary>
    public static ReplayTarget All { get; } = new("all", null);

    /// <summary>The <c>replaytarget</c> extension value, or null for <c>all</c>.</summary>
    public string? Extension => Kind switch
    {
        "handler" => "handler:" + Value,
        "webhook" => "webhook:" + Value,
        _ => null,
    };

    /// <summary>Parses the stored form (the extension value, or "all").</summary>
    public static ReplayTarget FromStored(string? stored) => stored switch
    {
        null or "" or "all" => All,
        var s when s.StartsWith("handler:", StringComparison.Ordinal) => new("handler", s["handler:".Length..]),
        var s when s.StartsWith("webhook:", StringComparison.Ordinal) => new("webhook", s["webhook:".Length..]),
        _ => All,
    };

    /// <summary>The JSON shape of the API.</summary>
    public JsonObject ToJson() => Kind switch
    {
        "handler" => new JsonObject { ["kind"] = Kind, ["name"] = Value },
        "webhook" => new JsonObject { ["kind"] = Kind, ["subscriptionId"] = Value },
        _ => new JsonObject { ["kind"] = Kind },
    };
}
