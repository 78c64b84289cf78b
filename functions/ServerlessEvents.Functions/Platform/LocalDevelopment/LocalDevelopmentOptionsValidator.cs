using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>Refuses local mode in Azure and checks the relay target is an absolute http(s) URL.</summary>
public sealed class LocalDevelopmentOptionsValidator(IConfiguration configuration) : IValidateOptions<LocalDevelopmentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalDevelopmentOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (AzureEnvironment.DetectedBy(configuration) is { } marker)
        {
            failures.Add($"{LocalDevelopmentOptions.SectionName}:Enabled is true but the app runs in Azure ({marker} is set). "
                + "Local mode publishes to a local Functions host and must never run in Azure; remove the setting.");
        }
        if (!Uri.TryCreate(options.FunctionsHostUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            failures.Add($"{LocalDevelopmentOptions.SectionName}:FunctionsHostUrl must be an absolute http(s) URL, not '{options.FunctionsHostUrl}'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
