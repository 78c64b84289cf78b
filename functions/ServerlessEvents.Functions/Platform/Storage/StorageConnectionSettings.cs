using Azure.Core;
using Azure.Identity;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// The storage connection as the Functions host reads it, so the app and the host share one set of settings:
/// <list type="number">
/// <item><c>{name}</c> (or <c>ConnectionStrings:{name}</c>) holds a connection string: locally, Azurite.</item>
/// <item>Otherwise identity-based settings <c>{name}__tableServiceUri</c>, <c>__queueServiceUri</c> (or
/// <c>__serviceUri</c> for either, or <c>__accountName</c> for <c>https://{account}.{service}.core.windows.net</c>),
/// with <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity: in Azure.</item>
/// </list>
/// Microsoft.Extensions.Azure cannot bind these keys as they are (it wants <c>serviceUri</c>/<c>endpoint</c>), hence this type.
/// </summary>
public sealed record StorageConnectionSettings(string Name, string? ConnectionString, Uri? TableServiceUri, Uri? QueueServiceUri, string? Credential, string? ClientId)
{
    /// <summary>True for a connection string (Shared Key); false for an identity-based connection (bearer tokens).</summary>
    public bool UsesConnectionString => ConnectionString is not null;

    /// <summary>Reads the connection <paramref name="name"/>; throws naming every setting looked for when there is none.</summary>
    public static StorageConnectionSettings Read(IConfiguration configuration, string name)
    {
        var connectionString = configuration[name] is { Length: > 0 } direct ? direct : configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString)) return FromConnectionString(name, connectionString.Trim());
        var section = configuration.GetSection(name);
        var serviceUri = ReadUri(section, name, "serviceUri");
        var account = section["accountName"]?.Trim();
        Uri? FromAccount(string service) => string.IsNullOrEmpty(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");
        var settings = new StorageConnectionSettings(
            name,
            null,
            ReadUri(section, name, "tableServiceUri") ?? serviceUri ?? FromAccount("table"),
            ReadUri(section, name, "queueServiceUri") ?? serviceUri ?? FromAccount("queue"),
            section["credential"]?.Trim(),
            section["clientId"]?.Trim());
        if (settings.TableServiceUri is null || settings.QueueServiceUri is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: the app needs both tables and queues. Set a connection string in " +
                $"'{name}' (locally: UseDevelopmentStorage=true for Azurite), or identity-based settings '{name}__tableServiceUri' and " +
                $"'{name}__queueServiceUri' (or '{name}__serviceUri' or '{name}__accountName'), with '{name}__credential' = managedidentity " +
                $"and '{name}__clientId' for a user-assigned identity.");
        }
        settings.CreateCredential();
        return settings;
    }

    private static StorageConnectionSettings FromConnectionString(string name, string connectionString)
    {
        try
        {
            // Parsed by the SDK itself, so a bad string fails at start-up rather than on the first request.
            _ = new Azure.Data.Tables.TableServiceClient(connectionString);
            _ = new Azure.Storage.Queues.QueueServiceClient(connectionString);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message may quote the string, and with it the account key: name the setting only.
            throw new InvalidOperationException(
                $"Storage connection '{name}' holds a connection string the Azure SDK cannot parse ({exception.GetType().Name}); " +
                "it needs AccountName and AccountKey with endpoints or an EndpointSuffix, or UseDevelopmentStorage=true.");
        }
        return new(name, connectionString, null, null, null, null);
    }

    /// <summary>The credential of an identity-based connection: a managed identity, or DefaultAzureCredential when none is named.</summary>
    public TokenCredential CreateCredential()
    {
        var clientId = string.IsNullOrEmpty(ClientId) ? null : ClientId;
        if (string.IsNullOrEmpty(Credential))
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }
        if (string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        throw new InvalidOperationException($"Storage connection '{Name}': '{Name}__credential' must be 'managedidentity' or absent.");
    }

    /// <summary>Never prints the connection string (it holds the account key).</summary>
    public override string ToString() => UsesConnectionString
        ? $"{Name}: connection string"
        : $"{Name}: identity-based, table={TableServiceUri}, queue={QueueServiceUri}";

    private static Uri? ReadUri(IConfigurationSection section, string name, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return uri;
        throw new InvalidOperationException($"Storage setting '{name}__{key}' is not an absolute http(s) URI.");
    }
}
