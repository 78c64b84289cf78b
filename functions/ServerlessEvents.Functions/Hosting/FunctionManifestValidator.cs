namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// Checks at start-up that the handler serves exactly the functions its function.json files declare, each
/// once, and that every binding the code relies on is declared with the same type and direction.
/// </summary>
public static class FunctionManifestValidator
{
    /// <summary>The functions the mapped endpoints serve.</summary>
    public static IReadOnlyList<ServedFunction> ServedFunctions(IEndpointRouteBuilder endpoints) =>
        endpoints.DataSources.SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<ServedFunction>())
            .OfType<ServedFunction>()
            .ToArray();

    /// <summary>The problems found; empty when code and definitions agree.</summary>
    public static IReadOnlyList<string> Problems(FunctionManifest manifest, IReadOnlyList<ServedFunction> served)
    {
        var problems = new List<string>();
        foreach (var group in served.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function '{group.Key}' is mapped {group.Count()} times.");
        }
        foreach (var function in served)
        {
            if (!manifest.Functions.TryGetValue(function.Name, out var definition))
            {
                problems.Add($"Function '{function.Name}' is served but has no function.json.");
                continue;
            }
            foreach (var required in function.Bindings)
            {
                var declared = definition.Binding(required.Name);
                if (declared is null || !declared.Is(required.Type) || !string.Equals(declared.Direction, required.Direction, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"Function '{function.Name}' needs binding '{required.Name}' ({required.Type}, {required.Direction}), which its function.json does not declare that way.");
                }
            }
        }
        var servedNames = served.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(manifest.Functions.Keys.Where(name => !servedNames.Contains(name))
            .Select(name => $"function.json declares '{name}', but no code serves it."));
        return problems;
    }

    /// <summary>Throws with every problem listed when code and definitions disagree.</summary>
    public static void EnsureConsistent(IEndpointRouteBuilder endpoints)
    {
        var problems = Problems(endpoints.ServiceProvider.GetRequiredService<FunctionManifest>(), ServedFunctions(endpoints));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The function definitions and the handler disagree:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }
}
