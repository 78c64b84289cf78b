using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Metadata;

/// <summary>
/// The WebJobs extensions a worker build ships for the host (<c>extensions.json</c>, beside or in <c>.azurefunctions/</c>),
/// and the binding types each registers.
/// </summary>
internal sealed class ExtensionsManifest
{
    /// <summary>Binding types the host itself provides.</summary>
    public static readonly IReadOnlySet<string> BuiltInTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "httpTrigger", "http", "timerTrigger" };

    // The binding types each extension registers with the host, keyed by the extension's startup name.
    private static readonly Dictionary<string, string[]> TypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureStorageQueues"] = ["queueTrigger", "queue"],
        ["AzureStorageBlobs"] = ["blobTrigger", "blob"],
        ["AzureTables"] = ["table"],
        ["EventGrid"] = ["eventGridTrigger", "eventGrid"],
        ["ServiceBus"] = ["serviceBusTrigger", "serviceBus"],
        ["EventHubs"] = ["eventHubTrigger", "eventHub"],
        ["CosmosDB"] = ["cosmosDBTrigger", "cosmosDB"],
        ["SignalR"] = ["signalRTrigger", "signalR", "signalRConnectionInfo", "signalRNegotiation", "signalREndpoints"],
        ["DurableTask"] = ["orchestrationTrigger", "activityTrigger", "entityTrigger", "durableClient"],
    };

    private ExtensionsManifest(IReadOnlyList<string> names, string? path)
    {
        Names = names;
        Path = path;
        BindingTypes = new HashSet<string>(names.SelectMany(n => TypesByExtension.GetValueOrDefault(n, [])), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The extension names listed.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The manifest read, or null when the build has none.</summary>
    public string? Path { get; }

    /// <summary>The binding types the listed extensions provide.</summary>
    public IReadOnlySet<string> BindingTypes { get; }

    public static ExtensionsManifest Load(string appDirectory)
    {
        var path = new[] { System.IO.Path.Combine(appDirectory, "extensions.json"), System.IO.Path.Combine(appDirectory, ".azurefunctions", "extensions.json") }
            .FirstOrDefault(File.Exists);
        if (path is null) return new ExtensionsManifest([], null);
        var names = (JsonNode.Parse(File.ReadAllText(path))?["extensions"] as JsonArray ?? [])
            .Select(e => e?["name"]?.GetValue<string>()).OfType<string>().ToArray();
        return new ExtensionsManifest(names, path);
    }

    /// <summary>
    /// Throws naming the first function and binding type that is neither built in nor provided by a listed extension,
    /// as the host refuses such a function at start.
    /// </summary>
    public void EnsureSupported(IEnumerable<WorkerFunction> functions)
    {
        foreach (var function in functions)
        {
            foreach (var binding in function.Bindings)
            {
                if (!BuiltInTypes.Contains(binding.Type) && !BindingTypes.Contains(binding.Type))
                {
                    throw new InvalidOperationException(
                        $"Function '{function.Name}' uses binding type '{binding.Type}' (binding '{binding.Name}'), which is neither built in " +
                        $"(http, timer) nor provided by an extension in {Path ?? "extensions.json (none found)"}; extensions listed: " +
                        $"{(Names.Count == 0 ? "none" : string.Join(", ", Names))}.");
                }
            }
        }
    }
}
