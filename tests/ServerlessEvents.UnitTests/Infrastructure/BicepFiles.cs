using System.Text.RegularExpressions;

namespace ServerlessEvents.UnitTests.Infrastructure;

/// <summary>The Bicep files under infra/ and the declarations the tests compare.</summary>
internal static partial class BicepFiles
{
    public static IReadOnlyList<string> All() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).Order().ToList();

    public static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');

    /// <summary>Parameter name to whether it has a default value.</summary>
    public static IReadOnlyDictionary<string, bool> Parameters(string path) =>
        ParamLine().Matches(BicepText.WithoutComments(File.ReadAllText(path)))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

    /// <summary>Each <c>module</c> declaration: symbolic name, referenced path, and the keys of its <c>params</c> block.</summary>
    public static IEnumerable<(string Name, string Path, IReadOnlyList<string> Params)> Modules(string path)
    {
        var text = BicepText.WithoutComments(File.ReadAllText(path));
        foreach (Match m in ModuleLine().Matches(text))
        {
            var body = BicepText.BlockFrom(text, m.Index + m.Length);
            var paramsAt = Regex.Match(body, @"^\s*params:\s*\{", RegexOptions.Multiline);
            var keys = paramsAt.Success ? BicepText.TopLevelKeys(BicepText.BlockFrom(body, paramsAt.Index)) : [];
            yield return (m.Groups["name"].Value, m.Groups["path"].Value, keys);
        }
    }

    public static IEnumerable<string> LoadJsonContentPaths(string path) =>
        Regex.Matches(File.ReadAllText(path), @"loadJsonContent\('(?<path>[^']+)'").Select(m => m.Groups["path"].Value);

    public static IReadOnlyList<string> Outputs(string path) =>
        Regex.Matches(BicepText.WithoutComments(File.ReadAllText(path)), @"^output\s+(\w+)\s", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+[\w.]+\s*(?<default>=.*)?$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^module\s+(?<name>\w+)\s+'(?<path>[^']+)'\s*=", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();
}
