namespace ServerlessEvents.Storage.Queues.Models;

/// <summary>A received message; <see cref="PopReceipt"/> is needed to delete or update it.</summary>
public class QueueMessage
{
    protected QueueMessage()
    {
        MessageId = PopReceipt = "";
        Body = BinaryData.Empty;
    }

    internal QueueMessage(string messageId, string popReceipt, BinaryData body, long dequeueCount,
        DateTimeOffset? insertedOn, DateTimeOffset? expiresOn, DateTimeOffset? nextVisibleOn)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        Body = body;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
        NextVisibleOn = nextVisibleOn;
    }

    public string MessageId { get; }

    public string PopReceipt { get; }

    /// <summary>The decoded body (per <see cref="QueueClientOptions.MessageEncoding"/>).</summary>
    public BinaryData Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string MessageText => Body.ToString();

    public long DequeueCount { get; }

    public DateTimeOffset? InsertedOn { get; }

    public DateTimeOffset? ExpiresOn { get; }

    public DateTimeOffset? NextVisibleOn { get; }
}
