using Azure.Core;
using Microsoft.Extensions.Configuration;
using ServerlessEvents.Storage.Queues;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.Storage;

/// <summary>
/// Resolves a storage connection from configuration the way Azure Functions does:
/// <list type="number">
/// <item><c>config[name]</c> (or <c>ConnectionStrings:name</c>) is a connection string → Shared Key.</item>
/// <item>Otherwise identity-based settings under <c>name__*</c>: <c>tableServiceUri</c>, <c>queueServiceUri</c>,
/// <c>serviceUri</c> (either service), or <c>accountName</c> (→ https://{name}.table|queue.core.windows.net);
/// <c>credential=managedidentity</c> + optional <c>clientId</c> → ManagedIdentityCredential, otherwise
/// DefaultAzureCredential; <c>credentialOverride</c> replaces either. Bearer scope https://storage.azure.com/.default.</item>
/// </list>
/// </summary>
public sealed class StorageConnection
{
    private readonly StorageConnectionString? _sharedKey;
    private readonly TokenCredential? _credential;

    private StorageConnection(string name, StorageConnectionString? sharedKey, TokenCredential? credential, Uri? table, Uri? queue)
    {
        ConnectionName = name;
        _sharedKey = sharedKey;
        _credential = credential;
        TableServiceUri = table;
        QueueServiceUri = queue;
    }

    public string ConnectionName { get; }

    /// <summary>True for connection strings (Shared Key), false for identity-based (bearer) connections.</summary>
    public bool UsesSharedKey => _sharedKey is not null;

    public Uri? TableServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public static StorageConnection FromConfiguration(IConfiguration configuration, string connectionName, TokenCredential? credentialOverride = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var connectionString = configuration[connectionName] is { Length: > 0 } direct ? direct : configuration.GetConnectionString(connectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            if (!StorageConnectionString.TryParse(connectionString, out var parsed, out var problem))
            {
                throw new InvalidOperationException($"Storage connection '{connectionName}': {problem}");
            }
            return new StorageConnection(connectionName, parsed, null, parsed!.TableEndpoint, parsed.QueueEndpoint);
        }
        var settings = IdentitySettings.Read(configuration.GetSection(connectionName));
        if (settings.TableServiceUri is null && settings.QueueServiceUri is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{connectionName}' is not configured. Looked for a connection string in '{connectionName}' " +
                $"or 'ConnectionStrings:{connectionName}', and for identity-based settings '{connectionName}__tableServiceUri', " +
                $"'{connectionName}__queueServiceUri', '{connectionName}__serviceUri' or '{connectionName}__accountName' " +
                $"(optionally '{connectionName}__credential' = managedidentity and '{connectionName}__clientId').");
        }
        var credential = credentialOverride ?? settings.CreateCredential(connectionName);
        return new StorageConnection(connectionName, null, credential, settings.TableServiceUri, settings.QueueServiceUri);
    }

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null)
    {
        if (_sharedKey is not null) return new TableServiceClient(_sharedKey.TableEndpoint, new TableSharedKeyCredential(_sharedKey.AccountName, _sharedKey.AccountKey), options);
        var uri = TableServiceUri ?? throw Missing("tableServiceUri");
        return new TableServiceClient(uri, _credential!, options);
    }

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        if (_sharedKey is not null) return new QueueServiceClient(_sharedKey.QueueEndpoint, new StorageSharedKeyCredential(_sharedKey.AccountName, _sharedKey.AccountKey), options);
        var uri = QueueServiceUri ?? throw Missing("queueServiceUri");
        return new QueueServiceClient(uri, _credential!, options);
    }

    private InvalidOperationException Missing(string setting) => new(
        $"Storage connection '{ConnectionName}' has no endpoint for this service; set '{ConnectionName}__{setting}', " +
        $"'{ConnectionName}__serviceUri' or '{ConnectionName}__accountName'.");

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"StorageConnection({ConnectionName}, {(UsesSharedKey ? "SharedKey" : "TokenCredential")}, table={TableServiceUri}, queue={QueueServiceUri})";
}
