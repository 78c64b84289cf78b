using Azure.Core;

namespace ServerlessEvents.Storage.Queues;

/// <summary>The queue service of one storage account (mirrors Azure.Storage.Queues.QueueServiceClient). Thread-safe.</summary>
public class QueueServiceClient
{
    private readonly QueueRestClient _rest = null!;

    /// <summary>For mocking.</summary>
    protected QueueServiceClient()
    {
    }

    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(QueueRestClient.Create(connectionString, options))
    {
    }

    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(QueueRestClient.Create(serviceUri, credential ?? throw new ArgumentNullException(nameof(credential)), options))
    {
    }

    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(QueueRestClient.Create(serviceUri, credential, options))
    {
    }

    internal QueueServiceClient(QueueRestClient rest) => _rest = rest;

    public virtual string AccountName => _rest.AccountName;

    public virtual Uri Uri => _rest.Endpoint;

    public virtual QueueClient GetQueueClient(string queueName) => new(_rest, queueName);
}
