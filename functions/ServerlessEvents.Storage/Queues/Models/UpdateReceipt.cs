namespace ServerlessEvents.Storage.Queues.Models;

/// <summary>The result of updating a message: its new pop receipt and visibility time.</summary>
public class UpdateReceipt
{
    protected UpdateReceipt()
    {
        PopReceipt = "";
    }

    internal UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn)
    {
        PopReceipt = popReceipt;
        NextVisibleOn = nextVisibleOn;
    }

    public string PopReceipt { get; }

    public DateTimeOffset NextVisibleOn { get; }
}
