using System.Reflection;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The functions this handler ships, read from the function.json files embedded at build time.
/// The same files are copied to <c>&lt;Name&gt;/function.json</c> in the script root, so the host and the
/// handler read one definition.
/// </summary>
public sealed class FunctionManifest
{
    private const string ResourcePrefix = "functions/";
    private const string ResourceSuffix = ".function.json";

    private FunctionManifest(IReadOnlyDictionary<string, FunctionDefinition> functions) => Functions = functions;

    /// <summary>The functions by name (case-insensitive, as the host treats names).</summary>
    public IReadOnlyDictionary<string, FunctionDefinition> Functions { get; }

    /// <summary>The manifest of this assembly.</summary>
    public static FunctionManifest Load() => Load(typeof(FunctionManifest).Assembly);

    /// <summary>Reads every embedded <c>functions/*.function.json</c> resource of an assembly.</summary>
    public static FunctionManifest Load(Assembly assembly)
    {
        var functions = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }
            var name = resource[ResourcePrefix.Length..^ResourceSuffix.Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            functions.Add(name, Parse(name, JsonNode.Parse(stream)!.AsObject()));
        }
        return new FunctionManifest(functions);
    }

    /// <summary>Parses one function.json document.</summary>
    public static FunctionDefinition Parse(string name, JsonObject document)
    {
        var bindings = document["bindings"]?.AsArray()
            ?? throw new InvalidOperationException($"function.json of '{name}' has no bindings array.");
        return new FunctionDefinition(name, bindings.Select(node =>
        {
            var binding = node!.AsObject();
            var properties = new JsonObject();
            foreach (var (key, value) in binding)
            {
                if (key is not ("type" or "direction" or "name"))
                {
                    properties[key] = value?.DeepClone();
                }
            }
            return new FunctionBinding(
                binding["type"]!.GetValue<string>(), binding["direction"]!.GetValue<string>(), binding["name"]!.GetValue<string>(), properties);
        }).ToArray());
    }

    /// <summary>Looks up a function, failing loudly when the code names one that is not declared.</summary>
    public FunctionDefinition Get(string name) =>
        Functions.TryGetValue(name, out var definition)
            ? definition
            : throw new InvalidOperationException($"No function.json declares the function '{name}'. Add <Feature>/{name}.function.json.");
}
