using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Metadata;

/// <summary>The host.json settings the double honours, with the host's defaults.</summary>
public sealed class HostJson
{
    /// <summary>extensions.http.routePrefix; default <c>api</c>.</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>extensions.queues.</summary>
    public QueueSettings Queues { get; init; } = new();

    /// <summary>Reads <c>host.json</c> in <paramref name="appDirectory"/>; defaults when it is absent.</summary>
    public static HostJson Load(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path)) return new HostJson();
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? [];
        var extensions = root["extensions"] as JsonObject ?? [];
        var http = extensions["http"] as JsonObject ?? [];
        var queues = extensions["queues"] as JsonObject ?? [];
        var defaults = new QueueSettings();
        var batchSize = Int(queues, "batchSize") ?? defaults.BatchSize;
        if (batchSize is < 1 or > 32)
        {
            throw new InvalidOperationException($"host.json extensions.queues.batchSize must be 1–32 (is {batchSize}).");
        }
        var maxDequeueCount = Int(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount;
        if (maxDequeueCount < 1)
        {
            throw new InvalidOperationException($"host.json extensions.queues.maxDequeueCount must be at least 1 (is {maxDequeueCount}).");
        }
        return new HostJson
        {
            RoutePrefix = http["routePrefix"]?.GetValue<string>().Trim('/') ?? "api",
            Queues = new QueueSettings
            {
                BatchSize = batchSize,
                MaxDequeueCount = maxDequeueCount,
                VisibilityTimeout = Time(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
                MaxPollingInterval = Time(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval,
                MessageEncodingBase64 = !string.Equals(queues["messageEncoding"]?.GetValue<string>(), "none", StringComparison.OrdinalIgnoreCase),
            },
        };
    }

    private static int? Int(JsonObject o, string name) => o[name] is JsonNode n ? n.GetValue<int>() : null;

    private static TimeSpan? Time(JsonObject o, string name) =>
        o[name] is JsonNode n ? TimeSpan.Parse(n.GetValue<string>(), CultureInfo.InvariantCulture) : null;
}

/// <summary>host.json extensions.queues, with the Storage Queues extension's defaults.</summary>
public sealed class QueueSettings
{
    /// <summary>Messages fetched and run in parallel per poll (1–32); default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Failed deliveries before a message moves to <c>&lt;queue&gt;-poison</c>; default 5.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its retry; default 0.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>The longest wait between polls of an empty queue; default 1 min.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages are base64 text (the default) rather than plain (<c>"messageEncoding": "none"</c>).</summary>
    public bool MessageEncodingBase64 { get; init; } = true;
}
