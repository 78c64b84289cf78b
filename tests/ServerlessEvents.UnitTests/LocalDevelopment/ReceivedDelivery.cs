namespace ServerlessEvents.UnitTests.LocalDevelopment;

/// <summary>One request the webhook stand-in received.</summary>
internal sealed record ReceivedDelivery(string FunctionName, string EventTypeHeader, string ContentType, byte[] Body);
