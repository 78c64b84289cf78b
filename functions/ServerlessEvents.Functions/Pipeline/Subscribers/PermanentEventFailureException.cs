namespace ServerlessEvents.Functions.Subscribers;

/// <summary>
/// Thrown by a handler for an event it can never process (its data does not fit). The event is recorded as
/// failed and a <c>system.error</c> event is ingested; the invocation succeeds so Event Grid does not retry.
/// Anything else a handler throws fails the invocation, so Event Grid retries and finally dead-letters.
/// </summary>
public sealed class PermanentEventFailureException(string reason, Exception? inner = null) : Exception(reason, inner);
