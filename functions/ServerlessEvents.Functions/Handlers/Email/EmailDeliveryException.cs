namespace ServerlessEvents.Functions.Email;

/// <summary>
/// Sending failed for a reason that may pass (the server is down, the TLS handshake or the login failed, the
/// conversation timed out, the connection dropped): the invocation fails so Event Grid delivers again.
/// The message says what went wrong and never carries the password.
/// </summary>
public sealed class EmailDeliveryException(string message, Exception inner) : Exception(message, inner);
