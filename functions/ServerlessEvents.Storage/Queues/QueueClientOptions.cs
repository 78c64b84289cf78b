using Azure.Core;

namespace ServerlessEvents.Storage.Queues;

/// <summary>
/// Options for queue clients. Retry defaults (see <see cref="ClientOptions.Retry"/>): exponential,
/// 3 retries, 0.2 s base delay, 2 s max delay, 30 s network timeout per attempt.
/// </summary>
public class QueueClientOptions : ClientOptions
{
    public QueueClientOptions() => StorageRetryDefaults.Apply(this);

    /// <summary>
    /// Default <see cref="QueueMessageEncoding.Base64"/> (unlike Azure.Storage.Queues, whose default is None),
    /// because the Functions queue trigger base64-decodes messages (host.json extensions.queues.messageEncoding).
    /// </summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
