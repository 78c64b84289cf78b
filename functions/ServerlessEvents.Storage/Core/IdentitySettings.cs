using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace ServerlessEvents.Storage;

/// <summary>The identity-based settings of one connection (<c>name__tableServiceUri</c> etc.).</summary>
internal sealed record IdentitySettings(Uri? TableServiceUri, Uri? QueueServiceUri, string? Credential, string? ClientId)
{
    public static IdentitySettings Read(IConfigurationSection section)
    {
        var serviceUri = Parse(section, "serviceUri");
        var account = section["accountName"];
        Uri? FromAccount(string service) => string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account.Trim()}.{service}.core.windows.net");
        return new IdentitySettings(
            Parse(section, "tableServiceUri") ?? serviceUri ?? FromAccount("table"),
            Parse(section, "queueServiceUri") ?? serviceUri ?? FromAccount("queue"),
            section["credential"],
            section["clientId"]);
    }

    public TokenCredential CreateCredential(string connectionName)
    {
        var clientId = string.IsNullOrWhiteSpace(ClientId) ? null : ClientId.Trim();
        if (string.IsNullOrWhiteSpace(Credential))
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }
        if (string.Equals(Credential.Trim(), "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        throw new InvalidOperationException(
            $"Storage connection '{connectionName}': '{connectionName}__credential' must be 'managedidentity' or absent.");
    }

    private static Uri? Parse(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return uri;
        throw new InvalidOperationException($"Storage setting '{section.Path.Replace(":", "__", StringComparison.Ordinal)}__{key}' is not an absolute http(s) URI.");
    }
}
