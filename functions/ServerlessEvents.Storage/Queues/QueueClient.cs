using Azure;
using Azure.Core;
using ServerlessEvents.Storage.Queues.Models;

namespace ServerlessEvents.Storage.Queues;

/// <summary>One queue (mirrors Azure.Storage.Queues.QueueClient). Thread-safe; virtual members allow mocking.</summary>
public partial class QueueClient
{
    private readonly QueueRestClient _rest = null!;
    private readonly string _path = null!;

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        Name = null!;
    }

    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(QueueRestClient.Create(connectionString, options), queueName)
    {
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(QueueRestClient.Create(QueueRestClient.SplitQueueUri(queueUri).Endpoint, credential, options), QueueRestClient.SplitQueueUri(queueUri).Name)
    {
    }

    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(QueueRestClient.Create(QueueRestClient.SplitQueueUri(queueUri).Endpoint, credential, options), QueueRestClient.SplitQueueUri(queueUri).Name)
    {
    }

    internal QueueClient(QueueRestClient rest, string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        _rest = rest;
        Name = queueName;
        _path = "/" + Uri.EscapeDataString(queueName);
    }

    public virtual string Name { get; }

    public virtual string AccountName => _rest.AccountName;

    public virtual Uri Uri => new(_rest.Endpoint.AbsoluteUri + _path);

    /// <summary>The encoding applied to message bodies (from <see cref="QueueClientOptions.MessageEncoding"/>).</summary>
    public virtual QueueMessageEncoding MessageEncoding => _rest.Options.MessageEncoding;

    /// <summary>Creates the queue unless it exists (201 created, 204/409 existed).</summary>
    public virtual async Task<Response> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Put, _path);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) message.Request.Headers.Add("x-ms-meta-" + key, value);
        return await StoragePipeline.SendAsync(_rest.Pipeline, message, cancellationToken, 201, 204, 409).ConfigureAwait(false);
    }

    /// <summary>Deletes the queue; false when it did not exist.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, _path);
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, message, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>Metadata and the approximate message count.</summary>
    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, _path);
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, message, cancellationToken, 200).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count);
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        var approximate = int.TryParse(count, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        return Response.FromValue(new QueueProperties(approximate, metadata), response);
    }
}
