using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.EventGrid;

/// <summary>One attempt of a delivery: when, and the endpoint's status (0 when it did not answer in time).</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int StatusCode);

/// <summary>What became of one delivery (one event, or a batch for a batched function).</summary>
/// <param name="Function">The destination function.</param>
/// <param name="Events">The events delivered together.</param>
/// <param name="Attempts">Every attempt, in order.</param>
/// <param name="Delivered">True when an attempt got 200–204.</param>
/// <param name="DeadLetter">Why it was dead-lettered, or null when delivered or cancelled.</param>
public sealed record EventGridDelivery(string Function, IReadOnlyList<JsonObject> Events, IReadOnlyList<DeliveryAttempt> Attempts, bool Delivered, DeadLetteredEvent? DeadLetter);

/// <summary>An event Event Grid gave up on, with the properties Event Grid adds to a dead-lettered event.</summary>
/// <param name="Function">The destination function.</param>
/// <param name="Event">The event.</param>
/// <param name="DeadLetterReason">MaxDeliveryAttemptsExceeded, TimeToLiveExceeded or NonRetriableStatusCode.</param>
/// <param name="DeliveryAttempts">Attempts made.</param>
/// <param name="LastHttpStatusCode">The last status (0: no answer in time).</param>
/// <param name="PublishTime">When it was published.</param>
/// <param name="LastDeliveryAttemptTime">When it was last tried.</param>
public sealed record DeadLetteredEvent(string Function, JsonObject Event, string DeadLetterReason, int DeliveryAttempts, int LastHttpStatusCode, DateTimeOffset PublishTime, DateTimeOffset LastDeliveryAttemptTime);
