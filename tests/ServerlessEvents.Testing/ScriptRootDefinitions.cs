using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Testing;

/// <summary>
/// The functions of a built script root, read the way the host reads them: one <c>&lt;Name&gt;/function.json</c>
/// per folder, plus host.json. Checks what the real host would refuse.
/// </summary>
public sealed class ScriptRootDefinitions
{
    // The binding types the extension bundle registers (a subset: the ones an app like this could use).
    private static readonly HashSet<string> KnownBindingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "httpTrigger", "http", "eventGridTrigger", "eventGrid", "queueTrigger", "queue", "timerTrigger", "signalR", "signalRConnectionInfo", "table",
    };

    // The ones this double carries out. A bundle binding it does not emulate (any output but http: the app calls SignalR
    // Service's REST API itself and has no other outputs) is refused, so no test passes while the real host would act unseen.
    private static readonly HashSet<string> EmulatedBindingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "httpTrigger", "http", "eventGridTrigger", "queueTrigger", "timerTrigger",
    };

    private ScriptRootDefinitions(string root, JsonObject host, IReadOnlyDictionary<string, FunctionDefinition> functions)
    {
        Root = root;
        Host = host;
        Functions = functions;
    }

    /// <summary>The script root folder.</summary>
    public string Root { get; }

    /// <summary>The parsed host.json.</summary>
    public JsonObject Host { get; }

    /// <summary>The functions by folder name.</summary>
    public IReadOnlyDictionary<string, FunctionDefinition> Functions { get; }

    /// <summary>host.json's queue <c>maxDequeueCount</c> (the host's default is 5).</summary>
    public int MaxDequeueCount => Host["extensions"]?["queues"]?["maxDequeueCount"]?.GetValue<int>() ?? 5;

    /// <summary>Reads and checks a script root; throws listing every problem (what the host would refuse, and bindings the double cannot carry out).</summary>
    public static ScriptRootDefinitions Load(string root)
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "host.json")))!.AsObject();
        var functions = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(root, "function.json", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (Path.GetDirectoryName(Path.GetDirectoryName(file)) != Path.TrimEndingDirectorySeparator(root))
            {
                continue;
            }
            var definition = FunctionManifest.Parse(name, JsonNode.Parse(File.ReadAllText(file))!.AsObject());
            problems.AddRange(Check(definition));
            functions[name] = definition;
        }
        if (host["customHandler"]?["description"]?["defaultExecutablePath"] is null)
        {
            problems.Add("host.json has no customHandler.description.defaultExecutablePath.");
        }
        return problems.Count == 0 ? new ScriptRootDefinitions(root, host, functions)
            : throw new InvalidOperationException("The host would refuse this script root:\n" + string.Join("\n", problems));
    }

    private static IEnumerable<string> Check(FunctionDefinition definition)
    {
        if (definition.Name.StartsWith("admin", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{definition.Name}: function names may not start with 'admin'.";
        }
        if (definition.Bindings.Count(b => b.IsInput && b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)) != 1)
        {
            yield return $"{definition.Name}: exactly one trigger is required.";
            yield break;
        }
        foreach (var binding in definition.Bindings)
        {
            if (!KnownBindingTypes.Contains(binding.Type))
            {
                yield return $"{definition.Name}: binding type '{binding.Type}' is not in the extension bundle.";
            }
            else if (!EmulatedBindingTypes.Contains(binding.Type))
            {
                yield return $"{definition.Name}: binding type '{binding.Type}' is not emulated by the host double; the app must not use it.";
            }
        }
        if (definition.Trigger.Is("httpTrigger") && !definition.IsForwardedHttp)
        {
            yield return $"{definition.Name}: an httpTrigger function needs exactly one http output and no other binding; the double only forwards HTTP.";
        }
        if (definition.Route is { } route && route.StartsWith("admin", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{definition.Name}: routes may not start with 'admin' (reserved by the host).";
        }
        if (definition.Trigger.Is("queueTrigger") && definition.Trigger.Property("queueName") is null)
        {
            yield return $"{definition.Name}: a queueTrigger needs queueName.";
        }
        if (definition.Trigger.Is("timerTrigger") && definition.Trigger.Property("schedule") is null)
        {
            yield return $"{definition.Name}: a timerTrigger needs a schedule.";
        }
    }
}
