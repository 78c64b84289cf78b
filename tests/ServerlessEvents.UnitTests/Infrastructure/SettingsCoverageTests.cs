using System.Text.RegularExpressions;

namespace ServerlessEvents.UnitTests.Infrastructure;

public sealed class SettingsCoverageTests
{
    private static readonly string[] Statuses = ["required", "optional", "local-only", "azure-only"];

    private static IReadOnlyDictionary<string, string> EffectiveStatuses()
    {
        var manifest = AppSettingsSources.Manifest();
        var all = new Dictionary<string, string>(manifest, StringComparer.Ordinal);
        foreach (var key in AppSettingsSources.OptionsKeys())
            all.TryAdd(key, "required");
        return all;
    }

    [Fact]
    public void Options_reflection_finds_keys_of_every_kind_of_options_class()
    {
        var keys = AppSettingsSources.OptionsKeys();
        Assert.Contains("Ingestion__ShardCount", keys);
        Assert.Contains("Email__PinnedCertificateSha256", keys);
        Assert.Contains("Webhooks__AllowLoopbackTargets", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("LocalDevelopment__", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_statuses_are_known()
    {
        Assert.All(AppSettingsSources.Manifest(), e => Assert.Contains(e.Value, Statuses));
    }

    [Fact]
    public void Every_key_the_code_reads_is_where_its_status_says()
    {
        var sample = AppSettingsSources.SampleKeys();
        var bicep = AppSettingsSources.BicepKeys();
        var problems = new List<string>();
        foreach (var (key, status) in EffectiveStatuses())
        {
            var inSample = AppSettingsSources.Has(sample, key);
            var inBicep = AppSettingsSources.Has(bicep, key);
            if (status is "required" or "optional" or "local-only" && !inSample)
                problems.Add($"{key} ({status}) is missing from local.settings.sample.json");
            if (status == "required" && !inBicep)
                problems.Add($"{key} (required) is missing from the Bicep app settings; set it there or mark it optional/local-only in infra/settings-manifest.json");
            if (status == "local-only" && bicep.Contains(key))
                problems.Add($"{key} is local-only but set in the Bicep app settings");
            if (status == "azure-only" && !inBicep)
                problems.Add($"{key} (azure-only) is missing from the Bicep app settings");
            if (status == "azure-only" && sample.Contains(key))
                problems.Add($"{key} is azure-only but in local.settings.sample.json");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_setting_is_set_that_nothing_declares()
    {
        // A key under a declared collection setting (Webhooks__SecretKeys__<keyId>) is declared by it.
        var known = EffectiveStatuses();
        var stray = AppSettingsSources.SampleKeys().Concat(AppSettingsSources.BicepKeys())
            .Where(k => !known.ContainsKey(k) && !known.Keys.Any(d => k.StartsWith(d + "__", StringComparison.Ordinal))).Distinct().ToList();
        Assert.True(stray.Count == 0, "Settings neither bound by an options class nor listed in infra/settings-manifest.json: " + string.Join(", ", stray));
    }

    [Fact]
    public void The_app_settings_resource_applies_every_settings_block()
    {
        var bicep = BicepText.WithoutComments(RepositoryFiles.Read(AppSettingsSources.FunctionAppBicep));
        var union = Regex.Match(bicep, @"name:\s*'appsettings'\s*properties:\s*union\((?<args>[^)]*)\)");
        Assert.True(union.Success, "the appsettings config resource must set properties: union(...) of the settings blocks");
        var applied = union.Groups["args"].Value.Split(',').Select(a => a.Trim()).ToHashSet();
        var blocks = AppSettingsSources.BicepSettingBlockNames();
        Assert.True(blocks.Count >= 4, "expected the storage, monitoring, SignalR and identity settings blocks");
        Assert.All(blocks, b => Assert.Contains(b, applied));
    }

    [Fact]
    public void Every_manifest_setting_is_documented_in_the_readme_configuration_table()
    {
        var guide = RepositoryFiles.Read("README.md");
        var undocumented = EffectiveStatuses().Keys.Where(k => !guide.Contains($"`{k}`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "Not in README.md's configuration table: " + string.Join(", ", undocumented));
    }
}
