using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Storage;

/// <summary>
/// The one place that builds the storage clients: from <see cref="StorageConnectionSettings"/> (the Functions host's
/// <c>AzureWebJobsStorage</c> settings) and <see cref="StorageOptions"/> (retries and timeouts).
/// Queue clients encode messages in base64, which is what the Functions queue trigger decodes.
/// </summary>
public sealed class StorageClientFactory
{
    private readonly StorageConnectionSettings _settings;
    private readonly StorageOptions _options;
    private readonly Lazy<TokenCredential?> _credential;
    private readonly Action<ClientOptions>? _configure;

    /// <param name="settings">The connection.</param>
    /// <param name="options">Retries and timeouts.</param>
    /// <param name="credential">Replaces the credential the settings name (identity-based connections only); for tests.</param>
    /// <param name="configure">Last changes to each client's options (for example a test transport).</param>
    public StorageClientFactory(StorageConnectionSettings settings, IOptions<StorageOptions> options, TokenCredential? credential = null, Action<ClientOptions>? configure = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _credential = new(() => settings.UsesConnectionString ? null : credential ?? settings.CreateCredential());
        _configure = configure;
    }

    /// <summary>The connection these clients use.</summary>
    public StorageConnectionSettings Settings => _settings;

    /// <summary>A table service client for the connection.</summary>
    public TableServiceClient CreateTableServiceClient()
    {
        var options = Configure(new TableClientOptions());
        return _settings.UsesConnectionString
            ? new TableServiceClient(_settings.ConnectionString, options)
            : new TableServiceClient(_settings.TableServiceUri!, _credential.Value!, options);
    }

    /// <summary>A queue service client for the connection, with base64 message encoding.</summary>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        return _settings.UsesConnectionString
            ? new QueueServiceClient(_settings.ConnectionString, options)
            : new QueueServiceClient(_settings.QueueServiceUri!, _credential.Value!, options);
    }

    private T Configure<T>(T options) where T : ClientOptions
    {
        _options.Apply(options);
        _configure?.Invoke(options);
        return options;
    }
}
