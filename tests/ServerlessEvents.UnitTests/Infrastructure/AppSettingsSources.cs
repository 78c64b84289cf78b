using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Infrastructure;

/// <summary>The configuration keys as the code, the manifest, local.settings.sample.json and the Bicep app settings see them.</summary>
internal static class AppSettingsSources
{
    public const string FunctionAppBicep = "infra/app/function-app.bicep";

    /// <summary><c>{Section}__{Property}</c> for every options class (a <c>public const string SectionName</c>) in the app.</summary>
    public static IReadOnlyList<string> OptionsKeys()
    {
        var keys = new List<string>();
        foreach (var type in typeof(CapabilityReport).Assembly.GetTypes())
        {
            var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (field is not { IsLiteral: true } || field.GetRawConstantValue() is not string section)
                continue;
            keys.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{section.Replace(":", "__", StringComparison.Ordinal)}__{p.Name}"));
        }
        return keys;
    }

    /// <summary>Manifest key to status.</summary>
    public static IReadOnlyDictionary<string, string> Manifest()
    {
        using var json = RepositoryFiles.ReadJson("infra/settings-manifest.json");
        return json.RootElement.GetProperty("settings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }

    public static IReadOnlySet<string> SampleKeys()
    {
        using var json = RepositoryFiles.ReadJson("local.settings.sample.json");
        return json.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Names of the <c>var ...AppSettings</c> blocks in the function app module.</summary>
    public static IReadOnlyList<string> BicepSettingBlockNames() =>
        Regex.Matches(BicepText.WithoutComments(RepositoryFiles.Read(FunctionAppBicep)), @"^var\s+(\w+AppSettings)\s*=", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

    /// <summary>Each <c>var ...AppSettings</c> block (raw text, comments kept) by name.</summary>
    public static IReadOnlyDictionary<string, string> BicepSettingBlocks(bool keepComments)
    {
        var raw = RepositoryFiles.Read(FunctionAppBicep);
        var text = keepComments ? raw : BicepText.WithoutComments(raw);
        return Regex.Matches(text, @"^var\s+(\w+AppSettings)\s*=", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => BicepText.BlockFrom(text, m.Index));
    }

    public static IReadOnlySet<string> BicepKeys() =>
        BicepSettingBlocks(keepComments: false).Values.SelectMany(BicepText.TopLevelKeys).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a key (or, for nested/collection options, a key under it) is in the set.</summary>
    public static bool Has(IReadOnlySet<string> keys, string key) =>
        keys.Contains(key) || keys.Any(k => k.StartsWith(key + "__", StringComparison.Ordinal));
}
