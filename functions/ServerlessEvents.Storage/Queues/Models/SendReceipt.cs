namespace ServerlessEvents.Storage.Queues.Models;

/// <summary>The result of sending a message.</summary>
public class SendReceipt
{
    protected SendReceipt()
    {
        MessageId = PopReceipt = "";
    }

    internal SendReceipt(string messageId, string popReceipt, DateTimeOffset insertionTime, DateTimeOffset expirationTime, DateTimeOffset timeNextVisible)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        InsertionTime = insertionTime;
        ExpirationTime = expirationTime;
        TimeNextVisible = timeNextVisible;
    }

    public string MessageId { get; }

    public string PopReceipt { get; }

    public DateTimeOffset InsertionTime { get; }

    public DateTimeOffset ExpirationTime { get; }

    public DateTimeOffset TimeNextVisible { get; }
}
