namespace ServerlessEvents.Storage.Queues.Models;

/// <summary>A message seen without changing its visibility (no pop receipt).</summary>
public class PeekedMessage
{
    protected PeekedMessage()
    {
        MessageId = "";
        Body = BinaryData.Empty;
    }

    internal PeekedMessage(string messageId, BinaryData body, long dequeueCount, DateTimeOffset? insertedOn, DateTimeOffset? expiresOn)
    {
        MessageId = messageId;
        Body = body;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
    }

    public string MessageId { get; }

    public BinaryData Body { get; }

    public string MessageText => Body.ToString();

    public long DequeueCount { get; }

    public DateTimeOffset? InsertedOn { get; }

    public DateTimeOffset? ExpiresOn { get; }
}
