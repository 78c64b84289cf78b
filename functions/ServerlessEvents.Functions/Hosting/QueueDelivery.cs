namespace ServerlessEvents.Functions.Hosting;

/// <summary>One queue message as a queue-trigger function's code sees it, whatever the hosting model.</summary>
/// <param name="Text">The message text (decoded), or null when the host sent none.</param>
/// <param name="DequeueCount">How often the message has been dequeued, this time included, when the host says.</param>
/// <param name="Id">The queue message id (the same on every retry of the message), when the host says.</param>
public sealed record QueueDelivery(string? Text, long? DequeueCount, string? Id = null);
