using System.Text.RegularExpressions;

namespace ServerlessEvents.FunctionsHost.Metadata;

/// <summary>Resolves <c>%name%</c> in binding properties from app settings, as the host does.</summary>
internal sealed partial class AppSettingResolver(IDictionary<string, string?> settings)
{
    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Expression();

    /// <summary>The value with every <c>%name%</c> replaced; throws naming a setting that is missing.</summary>
    public string Resolve(string value) =>
        Expression().Replace(value, m =>
            (settings.TryGetValue(m.Groups[1].Value, out var v) ? v : Environment.GetEnvironmentVariable(m.Groups[1].Value))
            ?? throw new InvalidOperationException($"App setting '{m.Groups[1].Value}' (referenced as {m.Value}) is not set."));
}
