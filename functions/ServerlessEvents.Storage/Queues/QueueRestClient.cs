using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Storage.Queues;

/// <summary>Request construction shared by the queue clients: endpoint, paths, mandatory headers.</summary>
internal sealed class QueueRestClient
{
    public QueueRestClient(HttpPipeline pipeline, Uri endpoint, string accountName, QueueClientOptions options)
    {
        Pipeline = pipeline;
        Endpoint = StorageUri.Normalize(endpoint);
        AccountName = accountName;
        Options = options;
    }

    public HttpPipeline Pipeline { get; }

    public Uri Endpoint { get; }

    public string AccountName { get; }

    public QueueClientOptions Options { get; }

    public static QueueRestClient Create(Uri endpoint, StorageSharedKeyCredential credential, QueueClientOptions? options)
    {
        options ??= new QueueClientOptions();
        return new(StoragePipeline.Build(options, new QueueSharedKeyPolicy(credential)), endpoint, credential.AccountName, options);
    }

    public static QueueRestClient Create(Uri endpoint, TokenCredential credential, QueueClientOptions? options)
    {
        options ??= new QueueClientOptions();
        return new(StoragePipeline.Build(options, StoragePipeline.Bearer(credential)), endpoint, StorageUri.AccountName(endpoint), options);
    }

    public static QueueRestClient Create(string connectionString, QueueClientOptions? options)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return Create(parsed.QueueEndpoint, new StorageSharedKeyCredential(parsed.AccountName, parsed.AccountKey), options);
    }

    /// <summary>Splits a queue URI (…/account/queue or https://acct.queue…/queue) into service endpoint and name.</summary>
    public static (Uri Endpoint, string Name) SplitQueueUri(Uri queueUri)
    {
        var text = StorageUri.Normalize(queueUri).AbsoluteUri;
        var slash = text.LastIndexOf('/');
        var name = Uri.UnescapeDataString(text[(slash + 1)..]);
        if (slash < 8 || name.Length == 0) throw new ArgumentException("The queue URI must end with the queue name.", nameof(queueUri));
        return (new Uri(text[..slash]), name);
    }

    public HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(Endpoint);
        message.Request.Uri.AppendPath(path, escape: false);
        message.Request.Headers.Add(StorageConstants.MsVersion, StorageConstants.ServiceVersion);
        return message;
    }
}
