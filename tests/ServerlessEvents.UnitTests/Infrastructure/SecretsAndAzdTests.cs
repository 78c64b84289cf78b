using System.Text.RegularExpressions;

namespace ServerlessEvents.UnitTests.Infrastructure;

public sealed class SecretsAndAzdTests
{
    private const string ExceptionMarker = "// identity-exception:";

    private static readonly Regex SecretKey = new(@"(connectionstring|password|secret|key|token|sas)$", RegexOptions.IgnoreCase);

    private static readonly Regex SecretValue = new(
        @"listKeys\(|listConnectionStrings\(|AccountKey=|SharedAccessKey|primaryKey|ConnectionString\b|primaryConnectionString", RegexOptions.IgnoreCase);

    private static bool HasException(string[] lines, int index) =>
        Excused(lines[index]) || (index > 0 && Excused(lines[index - 1]));

    private static bool Excused(string line)
    {
        var at = line.IndexOf(ExceptionMarker, StringComparison.Ordinal);
        return at >= 0 && line[(at + ExceptionMarker.Length)..].Trim().Length >= 20;
    }

    [Fact]
    public void App_settings_carry_no_key_or_connection_string_without_an_identity_exception()
    {
        var raw = RepositoryFiles.Read(AppSettingsSources.FunctionAppBicep);
        var secureParams = Regex.Matches(raw, @"@secure\(\)\s*\n\s*param\s+(\w+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("smtpPassword", secureParams);
        var problems = new List<string>();
        var excused = 0;
        foreach (var (name, block) in AppSettingsSources.BicepSettingBlocks(keepComments: true))
        {
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Regex.Match(lines[i], @"^\s*(?<key>\w+)\s*:\s*(?<value>.+)$");
                if (!m.Success)
                    continue;
                var key = m.Groups["key"].Value.Replace("_", "", StringComparison.Ordinal);
                var value = m.Groups["value"].Value;
                var secret = SecretKey.IsMatch(key) || SecretValue.IsMatch(value) || secureParams.Any(p => Regex.IsMatch(value, $@"\b{p}\b"));
                if (secret && !HasException(lines, i))
                    problems.Add($"{name}: {m.Groups["key"].Value} looks like a secret but has no '{ExceptionMarker} <why>' comment");
                else if (secret)
                    excused++;
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(2, excused); // APPLICATIONINSIGHTS_CONNECTION_STRING and Email__SmtpPassword, nothing else
    }

    [Fact]
    public void No_bicep_file_reads_keys_or_sets_plain_connection_strings_without_an_identity_exception()
    {
        foreach (var file in BicepFiles.All())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var flagged = Regex.IsMatch(lines[i], @"listKeys\(|listConnectionStrings\(|AccountKey=|AzureWebJobsStorage\s*:|AzureSignalRConnectionString\s*:");
                Assert.False(flagged && !HasException(lines, i), $"{BicepFiles.Relative(file)}:{i + 1} uses a key or a keyed connection string");
            }
        }
    }

    [Fact]
    public void Azure_yaml_points_at_the_worker_app_project_with_its_hooks()
    {
        var yaml = RepositoryFiles.Read("azure.yaml");
        var project = Regex.Match(yaml, @"^\s+project:\s*(\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal("./functions/ServerlessEvents.FunctionApp", project);
        Assert.NotEmpty(Directory.GetFiles(RepositoryFiles.PathOf(project), "*.csproj"));
        Assert.Matches(@"(?m)^  functions:\s*$", yaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
        foreach (Match hook in Regex.Matches(yaml, @"run:\s*(\S+)"))
            Assert.True(File.Exists(RepositoryFiles.PathOf(hook.Groups[1].Value)), $"hook {hook.Groups[1].Value} does not exist");
        Assert.Contains("./infra/hooks/postdeploy.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("./infra/hooks/postdeploy.ps1", yaml, StringComparison.Ordinal);
    }
}
