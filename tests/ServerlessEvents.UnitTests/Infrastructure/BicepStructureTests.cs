namespace ServerlessEvents.UnitTests.Infrastructure;

public sealed class BicepStructureTests
{
    private static string MainBicep => RepositoryFiles.PathOf("infra/main.bicep");

    [Fact]
    public void Main_is_a_subscription_deployment_with_modules_under_infra_app()
    {
        var text = File.ReadAllText(MainBicep);
        Assert.Contains("targetScope = 'subscription'", text, StringComparison.Ordinal);
        var modules = BicepFiles.Modules(MainBicep).ToList();
        Assert.True(modules.Count >= 8, "main.bicep should compose the identity, storage, monitoring, topic, SignalR, email, app and RBAC modules");
        Assert.All(modules, m => Assert.StartsWith("./app/", m.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_referenced_module_exists_and_gets_exactly_its_parameters()
    {
        var problems = new List<string>();
        foreach (var file in BicepFiles.All())
        {
            foreach (var (name, path, given) in BicepFiles.Modules(file))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (!File.Exists(target))
                {
                    problems.Add($"{BicepFiles.Relative(file)}: module {name} references missing {path}");
                    continue;
                }
                var declared = BicepFiles.Parameters(target);
                problems.AddRange(declared.Where(p => !p.Value && !given.Contains(p.Key))
                    .Select(p => $"{BicepFiles.Relative(file)}: module {name} does not pass required parameter {p.Key}"));
                problems.AddRange(given.Where(g => !declared.ContainsKey(g))
                    .Select(g => $"{BicepFiles.Relative(file)}: module {name} passes {g}, which {path} does not declare"));
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_loadJsonContent_path_exists_and_is_json()
    {
        var seen = 0;
        foreach (var file in BicepFiles.All())
        {
            foreach (var path in BicepFiles.LoadJsonContentPaths(file))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                Assert.True(File.Exists(target), $"{BicepFiles.Relative(file)}: loadJsonContent('{path}') does not exist");
                using var _ = System.Text.Json.JsonDocument.Parse(File.ReadAllText(target));
                seen++;
            }
        }
        Assert.True(seen >= 3, "main.bicep, storage.bicep and eventgrid-subscriptions.bicep load JSON");
    }

    [Fact]
    public void Parameters_without_defaults_are_supplied_and_no_unknown_parameter_is()
    {
        var declared = BicepFiles.Parameters(MainBicep);
        using var json = RepositoryFiles.ReadJson("infra/main.parameters.json");
        var supplied = json.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(declared.Where(p => !p.Value), p => Assert.Contains(p.Key, supplied));
        Assert.All(supplied, s => Assert.True(declared.ContainsKey(s), $"main.parameters.json supplies {s}, which main.bicep does not declare"));
        Assert.Contains("principalId", supplied);
        Assert.Contains("${AZURE_PRINCIPAL_ID}", RepositoryFiles.Read("infra/main.parameters.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Hooks_read_only_values_main_bicep_outputs()
    {
        var outputs = BicepFiles.Outputs(MainBicep);
        foreach (var hook in new[] { "infra/hooks/postdeploy.sh", "infra/hooks/postdeploy.ps1" })
        {
            var used = System.Text.RegularExpressions.Regex.Matches(RepositoryFiles.Read(hook), @"\b(AZURE_[A-Z_]+|EVENTGRID_TOPIC_[A-Z_]+)\b")
                .Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(used);
            Assert.All(used, u => Assert.True(outputs.Contains(u), $"{hook} reads {u}, which main.bicep does not output"));
        }
        foreach (var needed in new[] { "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_FUNCTION_APP_ID", "EVENTGRID_TOPIC_NAME",
                     "EVENTGRID_TOPIC_ID", "EVENTGRID_TOPIC_ENDPOINT", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_STORAGE_ACCOUNT_ID", "DEAD_LETTER_CONTAINER_NAME" })
            Assert.Contains(needed, outputs);
    }
}
