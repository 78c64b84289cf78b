namespace ServerlessEvents.Storage.Queues.Models;

/// <summary>Queue metadata and the approximate number of messages.</summary>
public class QueueProperties
{
    protected QueueProperties()
    {
        Metadata = new Dictionary<string, string>();
    }

    internal QueueProperties(int approximateMessagesCount, IDictionary<string, string> metadata)
    {
        ApproximateMessagesCount = approximateMessagesCount;
        Metadata = metadata;
    }

    public int ApproximateMessagesCount { get; }

    public IDictionary<string, string> Metadata { get; }
}
