using System.Text.RegularExpressions;
using ServerlessEvents.UnitTests.Infrastructure;

namespace ServerlessEvents.UnitTests.Architecture;

/// <summary>
/// The tree tells the story: each feature folder (<c>Pipeline/Ingestion</c>, <c>Handlers/Email</c>, ...) is one
/// namespace, and no two features depend on each other both ways. A feature depends on another when one of its files
/// imports that feature's namespace or names it in full; the compiler keeps the imports honest (a type from another
/// namespace cannot be used without one).
/// </summary>
public sealed class FolderDependencyTests
{
    private const string Root = "ServerlessEvents.Functions";
    private static readonly string[] Groups = ["Pipeline", "Handlers", "Operations", "Platform"];
    private static readonly Regex Namespace = new(@"^namespace\s+ServerlessEvents\.Functions\.(\w+)", RegexOptions.Multiline | RegexOptions.Compiled);
    private static readonly Regex Reference = new(@"\bServerlessEvents\.Functions\.(\w+)\b", RegexOptions.Compiled);
    private static readonly Regex Comment = new(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline | RegexOptions.Compiled);

    private static IEnumerable<(string Group, string Feature, string Relative, string Text)> FeatureFiles()
    {
        var project = RepositoryFiles.PathOf("functions/ServerlessEvents.Functions");
        return Groups.SelectMany(group => Directory.EnumerateFiles(Path.Combine(project, group), "*.cs", SearchOption.AllDirectories)
            .Select(path =>
            {
                var relative = Path.GetRelativePath(project, path).Replace('\\', '/');
                return (group, relative.Split('/')[1], relative, File.ReadAllText(path));
            }));
    }

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var features = FeatureFiles().Select(f => f.Feature).ToHashSet(StringComparer.Ordinal);
        var edges = features.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in FeatureFiles())
        {
            var code = Namespace.Replace(Comment.Replace(file.Text, ""), "");
            foreach (Match reference in Reference.Matches(code))
            {
                var target = reference.Groups[1].Value;
                if (target != file.Feature && features.Contains(target))
                {
                    edges[file.Feature].Add(target);
                }
            }
        }
        return edges;
    }

    [Fact]
    public void Every_feature_folder_is_one_namespace()
    {
        var misplaced = FeatureFiles()
            .Where(f => Namespace.Match(f.Text) is not { Success: true } m || m.Groups[1].Value != f.Feature)
            .Select(f => f.Relative)
            .ToList();

        Assert.True(misplaced.Count == 0, "Namespace differs from the feature folder: " + string.Join(", ", misplaced));
    }

    [Fact]
    public void No_two_feature_folders_depend_on_each_other_both_ways()
    {
        var edges = Dependencies();

        var twoWay = edges.SelectMany(e => e.Value.Where(to => string.CompareOrdinal(e.Key, to) < 0 && edges[to].Contains(e.Key)).Select(to => $"{e.Key} <-> {to}"))
            .ToList();

        Assert.True(twoWay.Count == 0, "Two-way dependencies: " + string.Join(", ", twoWay));
    }

    [Fact]
    public void The_check_sees_the_pipeline_order()
    {
        var edges = Dependencies();

        // Ingestion stores and publishes; publishing reads the audit log; handlers hear from the subscribers.
        Assert.Contains("EventLog", edges["Ingestion"]);
        Assert.Contains("Publishing", edges["Ingestion"]);
        Assert.Contains("EventLog", edges["Publishing"]);
        Assert.Contains("Subscribers", edges["Webhooks"]);
        Assert.DoesNotContain("Ingestion", edges["Publishing"]);
        Assert.DoesNotContain("Ingestion", edges["EventLog"]);
        Assert.DoesNotContain("Email", edges["Notifications"]);
    }
}
